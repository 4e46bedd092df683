package dev.watchword.server.audit;

import dev.watchword.server.audit.siem.AuditSinkStatus;
import dev.watchword.server.audit.siem.SinkStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * Events a configured SIEM sink has not delivered yet are kept, however old, so a receiver that is
 * down for longer than the retention period still gets every event.
 */
@Component
public class AuditRetention {

  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

  private final JdbcClient jdbc;
  private final AuditTrail trail;
  private final Checkpointer checkpointer;
  private final AuditProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final AuditSinkStatus sinks;

  AuditRetention(JdbcClient jdbc, AuditTrail trail, Checkpointer checkpointer, AuditProperties properties,
      TransactionTemplate transactions, Clock clock, AuditSinkStatus sinks) {
    this.sinks = sinks;
    this.jdbc = jdbc;
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
    Verification verification = trail.verify();
    if (!verification.valid()) {
      log.error("Audit retention skipped: the log does not verify (first bad seq {}: {})",
          verification.firstBadSeq(), verification.problem());
      return 0;
    }
    Long deleted = transactions.execute(status -> {
      long delivered = sinks.sinks().stream().mapToLong(SinkStatus::cursor).min().orElse(Long.MAX_VALUE);
      Optional<AuditStore.LinkedEvent> last = newestBefore(cutoff.toEpochMilli(), delivered);
      if (last.isEmpty()) {
        return 0L;
      }
      StoredEvent event = last.get().event();
      jdbc.sql("DELETE FROM audit_checkpoint WHERE seq <= :seq").param("seq", event.seq()).update();
      checkpointer.cut(Checkpoint.Kind.ANCHOR, event.seq(), last.get().hash(), event.at());
      return (long) jdbc.sql("DELETE FROM audit_event WHERE seq <= :seq").param("seq", event.seq()).update();
    });
    if (deleted > 0) {
      log.info("Audit retention: {} events before {} replaced by a signed anchor", deleted, cutoff);
    }
    return deleted;
  }

  private Optional<AuditStore.LinkedEvent> newestBefore(long cutoffMillis, long upToSeq) {
    long seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event WHERE at < :cutoff AND seq <= :upTo")
        .param("cutoff", cutoffMillis).param("upTo", upToSeq).query(Long.class).single();
    return new AuditStore(jdbc).eventsBetween(seq - 1, seq, 1).stream().findFirst();
  }
}
