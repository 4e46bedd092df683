package dev.watchword.server.audit;

import dev.watchword.server.crypto.ServerSecrets;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds this installation's {@link AuditKeys}, opened (or created) once at start-up, before which
 * events from before the chain existed are linked, so every appender finds a linked head.
 */
@Component
class AuditKeyring {

  private final AuditKeys keys;
  private final boolean created;

  AuditKeyring(JdbcClient jdbc, AuditStore store, ServerSecrets secrets, SecureRandom random, Clock clock,
      TransactionTemplate transactions) {
    AuditKeys.Opened opened = AuditKeys.loadOrCreate(jdbc, secrets, random, clock.millis());
    this.keys = opened.keys();
    this.created = opened.created();
    LegacyEventLinker.linkIfPending(jdbc, store, transactions, keys);
  }

  AuditKeys keys() {
    return keys;
  }

  /** Whether this start generated the chain and signing keys (a new installation). */
  boolean created() {
    return created;
  }
}
