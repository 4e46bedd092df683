package dev.watchword.server.audit;

import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the audit trail.
 *
 * <p>Guarantee: {@link #record} runs only inside the caller's transaction (it refuses to run
 * without one), so the event commits together with what it records or not at all; a code
 * is returned only after that commit, and a failed audit write fails the request.
 *
 * <p>That check is made here rather than by {@code @Transactional(propagation = MANDATORY)}: the
 * transaction proxy it needs would sit on every append of the group commit writer's hot loop.
 */
@Component
public class AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditStore store;
  private final AuditKeyring keyring;
  private final Checkpointer checkpointer;
  private final HeadPublisher publisher;

  AuditLog(JdbcClient jdbc, Clock clock, AuditStore store, AuditKeyring keyring, Checkpointer checkpointer,
      HeadPublisher publisher) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.store = store;
    this.keyring = keyring;
    this.checkpointer = checkpointer;
    this.publisher = publisher;
  }

  /**
   * Appends {@code event} to the chain: at the transaction's first append claims the head (which
   * holds every other appender until this transaction ends), links the event to its predecessor,
   * stores it, and cuts a signed checkpoint when one is due. The head row itself is written once,
   * just before the commit ({@link TransactionHead}).
   *
   * @throws IllegalTransactionStateException if the caller holds no transaction; nothing is written
   */
  public void record(AuditEvent event) {
    recordAll(List.of(event));
  }

  /**
   * Appends {@code events}, in order, as consecutive links: the chain, its times and its
   * checkpoints are exactly those that recording each alone would give, but the events are stored
   * in one JDBC batch, so an import of thousands of entries costs a few round trips, not one per
   * event.
   *
   * @throws IllegalTransactionStateException if the caller holds no transaction; nothing is written
   */
  public void recordAll(List<AuditEvent> events) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException("AuditLog.record runs only inside the caller's transaction");
    }
    if (events.isEmpty()) {
      return;
    }
    TransactionHead head = TransactionHead.claim(store, publisher);
    long now = clock.millis();
    List<AuditStore.LinkedEvent> linked = new ArrayList<>(events.size());
    for (AuditEvent event : events) {
      // Time never runs backwards along the chain, even if this node's clock is behind another's.
      long at = Math.max(now, head.at());
      StoredEvent stored = StoredEvent.of(head.seq() + 1, at, event);
      byte[] hash = keyring.keys().chain().link(head.hash(), stored);
      linked.add(new AuditStore.LinkedEvent(stored, head.hash(), hash));
      head.appended(stored.seq(), hash, at);
      checkpointer.afterAppend(head);
    }
    store.insertAll(linked);
  }

  /**
   * Earlier allowed events of {@code action} on the entry, at or after {@code since}, whose detail
   * is {@code detail}, alone or followed by more words (for code releases, {@code "step=<n>"}),
   * the ten most recent, oldest first. Bounded by time so the lookup costs the same however long the entry's history:
   * callers pass the start of the time step. Runs in the caller's transaction, so it sees releases
   * committed before this one started, and earlier ones of the same group commit.
   *
   * <p>Ordered by {@code at, seq} rather than {@code seq} alone: {@code at} never decreases along
   * the chain, so the order is the same, but it is the order of the index {@code (entry_id, at)}
   * (SQLite appends the rowid {@code seq}; PostgreSQL sorts only rows of equal {@code at}), so the
   * scan stops after ten rows instead of sorting every release of the step, which under load is
   * thousands per entry.
   */
  public java.util.List<PriorRelease> priorReleases(VaultId vault, EntryId entry, String action, String detail,
      java.time.Instant since) {
    java.util.List<PriorRelease> newestFirst = jdbc.sql("""
            SELECT actor_name, at FROM audit_event
            WHERE entry_id = :entryId AND at >= :since AND vault_id = :vaultId AND action = :action
              AND (detail = :detail OR detail LIKE :detailWithMore) AND decision = 'allow'
            ORDER BY at DESC, seq DESC LIMIT 10""")
        .param("entryId", entry.toString()).param("since", since.toEpochMilli()).param("vaultId", vault.toString())
        .param("action", action).param("detail", detail).param("detailWithMore", detail + " %")
        .query((rs, n) -> new PriorRelease(rs.getString("actor_name"), java.time.Instant.ofEpochMilli(rs.getLong("at"))))
        .list();
    java.util.List<PriorRelease> oldestFirst = new java.util.ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
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

}
