package dev.watchword.server.audit;

import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
  private final AuditStore store;
  private final AuditKeyring keyring;
  private final Checkpointer checkpointer;

  AuditLog(JdbcClient jdbc, Clock clock, AuditStore store, AuditKeyring keyring, Checkpointer checkpointer) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.store = store;
    this.keyring = keyring;
    this.checkpointer = checkpointer;
  }

  /**
   * Appends {@code event} to the chain: claims the next sequence number (which holds every other
   * appender until this transaction ends), links the event to its predecessor, stores it, and cuts
   * a signed checkpoint when one is due.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditEvent event) {
    recordAll(List.of(event));
  }

  /**
   * Appends {@code events}, in order, as consecutive links: the chain, its times and its
   * checkpoints are exactly those that recording each alone would give, but the head is claimed
   * and moved once and the events are stored in one batch, so an import of thousands of entries
   * costs a few statements instead of three per event.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    AuditStore.Claim claim = store.claimNext(events.size());
    long seq = claim.seq() - events.size();
    byte[] previousHash = claim.previousHash();
    long previousAt = claim.previousAt();
    long checkpointSeq = claim.checkpointSeq();
    long checkpointAt = claim.checkpointAt();
    long now = clock.millis();
    List<AuditStore.LinkedEvent> linked = new ArrayList<>(events.size());
    for (AuditEvent event : events) {
      // Time never runs backwards along the chain, even if this node's clock is behind another's.
      long at = Math.max(now, previousAt);
      StoredEvent stored = StoredEvent.of(++seq, at, event);
      byte[] hash = keyring.keys().chain().link(previousHash, stored);
      linked.add(new AuditStore.LinkedEvent(stored, previousHash, hash));
      if (checkpointer.afterAppend(new AuditStore.Claim(seq, previousHash, previousAt, checkpointSeq, checkpointAt),
          hash, at)) {
        checkpointSeq = seq;
        checkpointAt = at;
      }
      previousHash = hash;
      previousAt = at;
    }
    store.insertAll(linked);
    store.moveHead(seq, previousHash, previousAt);
  }

  /**
   * Earlier allowed events of {@code action} on the entry, at or after {@code since}, whose detail
   * is {@code detail}, alone or followed by more words (for code releases, {@code "step=<n>"}),
   * the ten most recent, oldest first. Bounded by time so the lookup costs the same however long the entry's history:
   * callers pass the start of the time step. Runs in the caller's transaction, so it sees releases
   * committed before this one started, and earlier ones of the same group commit.
   */
  public java.util.List<PriorRelease> priorReleases(VaultId vault, EntryId entry, String action, String detail,
      java.time.Instant since) {
    java.util.List<PriorRelease> newestFirst = jdbc.sql("""
            SELECT actor_name, at FROM audit_event
            WHERE entry_id = :entryId AND at >= :since AND vault_id = :vaultId AND action = :action
              AND (detail = :detail OR detail LIKE :detailWithMore) AND decision = 'allow'
            ORDER BY seq DESC LIMIT 10""")
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
