package dev.watchword.server.audit;

import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the audit trail.
 *
 * <p>Guarantee: {@link #record} runs only inside the caller's transaction (it refuses to run
 * without one), so the event commits together with what it records or not at all; a code
 * is returned only after that commit, and a failed audit write fails the request.
 */
@Component
public class AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditEvent event) {
    jdbc.sql("""
            INSERT INTO audit_event
              (at, actor_id, actor_name, action, vault_id, entry_id, decision, reason, client_ip, user_agent, detail)
            VALUES
              (:at, :actorId, :actorName, :action, :vaultId, :entryId, :decision, :reason, :clientIp, :userAgent, :detail)""")
        .param("at", clock.millis())
        .param("actorId", text(event.actorId()))
        .param("actorName", event.actorName())
        .param("action", event.action())
        .param("vaultId", text(event.vaultId()))
        .param("entryId", text(event.entryId()))
        .param("decision", event.decision().wireName())
        .param("reason", event.reason())
        .param("clientIp", event.origin().clientIp())
        .param("userAgent", event.origin().userAgent())
        .param("detail", event.detail())
        .update();
  }

  /**
   * Earlier allowed events of {@code action} on the entry whose detail is {@code detail}, alone or
   * followed by more words (for code releases, {@code "step=<n>"}), oldest first. Runs in the caller's transaction, so
   * it sees releases committed before this one started.
   */
  public java.util.List<PriorRelease> priorReleases(VaultId vault, EntryId entry, String action, String detail) {
    return jdbc.sql("""
            SELECT actor_name, at FROM audit_event
            WHERE entry_id = :entryId AND vault_id = :vaultId AND action = :action
              AND (detail = :detail OR detail LIKE :detailWithMore) AND decision = 'allow'
            ORDER BY seq""")
        .param("entryId", entry.toString()).param("vaultId", vault.toString())
        .param("action", action).param("detail", detail).param("detailWithMore", detail + " %")
        .query((rs, n) -> new PriorRelease(rs.getString("actor_name"), java.time.Instant.ofEpochMilli(rs.getLong("at"))))
        .list();
  }

  /** Every allowed {@code action} the actor took, oldest first (for offboarding reports). */
  public java.util.List<RecordedAction> allowedActionsOf(dev.watchword.server.shared.UserId actor, String action) {
    return jdbc.sql("""
            SELECT vault_id, entry_id, at FROM audit_event
            WHERE actor_id = :actor AND action = :action AND decision = 'allow' ORDER BY seq""")
        .param("actor", actor.toString()).param("action", action)
        .query((rs, n) -> new RecordedAction(
            rs.getString("vault_id") == null ? null : VaultId.of(rs.getString("vault_id")),
            rs.getString("entry_id") == null ? null : EntryId.of(rs.getString("entry_id")),
            java.time.Instant.ofEpochMilli(rs.getLong("at"))))
        .list();
  }

  private static String text(Object id) {
    return id == null ? null : id.toString();
  }
}
