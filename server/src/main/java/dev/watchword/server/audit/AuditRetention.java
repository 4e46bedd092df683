package dev.watchword.server.audit;

import dev.watchword.server.audit.siem.AuditSinkStatus;
import dev.watchword.server.audit.siem.SinkStatus;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforces {@code watchword.audit.retention}: events older than it are deleted, and a signed
 * anchor at the newest deleted event takes their place, so verification still starts from a point
 * the signing key vouches for.
 *
 * <p>Guarantees: a prefix is pruned only after the whole log verified intact; a log that does not
 * verify is left as it is (evidence is never destroyed) and the refusal is logged as an error.
 * Events a SIEM sink (of any node: cursors are in the database) has not delivered yet are kept,
 * however old, so a receiver that is
 * down for longer than the retention period still gets every event.
 */
@Component
public class AuditRetention {

  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

  private final AuditStore store;
  private final AuditTrail trail;
  private final Checkpointer checkpointer;
  private final AuditProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final AuditSinkStatus sinks;

  AuditRetention(AuditStore store, AuditTrail trail, Checkpointer checkpointer, AuditProperties properties,
      TransactionTemplate transactions, Clock clock, AuditSinkStatus sinks) {
    this.sinks = sinks;
    this.store = store;
    this.trail = trail;
    this.checkpointer = checkpointer;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${watchword.audit.retention-check:PT1H}")
  void enforce() {
    if (properties.retention() != null) {
      pruneBefore(clock.instant().minus(properties.retention()));
    }
  }

  /**
   * Deletes every event before {@code cutoff}, leaving a signed anchor in their place.
   *
   * @return how many events were deleted
   */
  public long pruneBefore(Instant cutoff) {
    if (newestBefore(cutoff.toEpochMilli(), undeliveredFrom()).isEmpty()) {
      return 0;
    }
    Verification verification = trail.verify();
    if (!verification.valid()) {
      log.error("Audit retention skipped: the log does not verify (first bad seq {}: {})",
          verification.firstBadSeq(), verification.problem());
      return 0;
    }
    Long deleted;
    try {
      deleted = transactions.execute(status -> {
        Optional<AuditStore.LinkedEvent> last = newestBefore(cutoff.toEpochMilli(), undeliveredFrom());
        if (last.isEmpty()) {
          return 0L;
        }
        StoredEvent event = last.get().event();
        store.deleteCheckpointsThrough(event.seq());
        checkpointer.cut(Checkpoint.Kind.ANCHOR, event.seq(), last.get().hash(), event.at());
        return (long) store.deleteEventsThrough(event.seq());
      });
    } catch (DuplicateKeyException anotherNodePruned) {
      return 0;
    }
    if (deleted > 0) {
      log.info("Audit retention: {} events before {} replaced by a signed anchor", deleted, cutoff);
    }
    return deleted;
  }

  /**
   * The newest event every SIEM sink has delivered: the lowest cursor stored by any node, and this
   * node's own sinks (a sink that has delivered nothing yet counts as 0).
   */
  private long undeliveredFrom() {
    long local = sinks.sinks().stream().mapToLong(SinkStatus::cursor).min().orElse(Long.MAX_VALUE);
    return Math.min(local, store.lowestSinkCursor().orElse(Long.MAX_VALUE));
  }

  private Optional<AuditStore.LinkedEvent> newestBefore(long cutoffMillis, long upToSeq) {
    long seq = store.newestSeqBefore(cutoffMillis, upToSeq);
    return store.eventsBetween(seq - 1, seq, 1).stream().findFirst();
  }
}
