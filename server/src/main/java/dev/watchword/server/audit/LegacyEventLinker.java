package dev.watchword.server.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links the events that a database written before the audit chain existed (migration V14) already
 * held: numbers them 1..n in their order and chains them, once, before the server appends anything.
 * A fresh installation has none. The flag that asks for this is set only by the migration itself.
 */
final class LegacyEventLinker {

  private static final Logger log = LoggerFactory.getLogger(LegacyEventLinker.class);
  private static final int BATCH = 2_000;

  private LegacyEventLinker() {}

  static void linkIfPending(JdbcClient jdbc, AuditStore store, TransactionTemplate transactions, AuditKeys keys) {
    transactions.executeWithoutResult(status -> {
      // Claiming the work also locks the head row, so on several nodes one links and the others
      // (and every appender) wait for it, then find nothing pending.
      boolean claimed = jdbc.sql("UPDATE audit_head SET pending_legacy = :done WHERE id = 1 AND pending_legacy = :pending")
          .param("done", false).param("pending", true).update() == 1;
      if (claimed) {
        link(jdbc, store, keys);
      }
    });
  }

  private static void link(JdbcClient jdbc, AuditStore store, AuditKeys keys) {
    List<Long> seqs = jdbc.sql("SELECT seq FROM audit_event ORDER BY seq").query(Long.class).list();
    long next = 1;
    for (long seq : seqs) {
      if (seq != next) {
        // ascending order: the target number is free, every earlier event already moved down
        jdbc.sql("UPDATE audit_event SET seq = :next WHERE seq = :seq").param("next", next).param("seq", seq).update();
      }
      next++;
    }
    byte[] previous = AuditChain.GENESIS;
    long at = 0;
    long after = 0;
    List<AuditStore.LinkedEvent> batch;
    do {
      batch = store.eventsBetween(after, Long.MAX_VALUE, BATCH);
      for (AuditStore.LinkedEvent linked : batch) {
        byte[] hash = keys.chain().link(previous, linked.event());
        jdbc.sql("UPDATE audit_event SET prev_hash = :prev, hash = :hash WHERE seq = :seq")
            .param("prev", previous).param("hash", hash).param("seq", linked.event().seq()).update();
        previous = hash;
        at = linked.event().at();
        after = linked.event().seq();
      }
    } while (batch.size() == BATCH);
    jdbc.sql("UPDATE audit_head SET seq = :seq, hash = :hash, at = :at WHERE id = 1")
        .param("seq", after).param("hash", previous).param("at", at).update();
    log.info("Linked {} audit events written before the audit chain existed", after);
  }
}
