package dev.watchword.server.audit;

import dev.watchword.server.audit.siem.SiemProperties;
import dev.watchword.server.crypto.ServerSecrets;
import dev.watchword.server.runtime.WatchwordProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records, before the server takes requests, what the system itself did at start-up: the keys a
 * new installation generated ({@code key.master.create}, {@code key.audit.create}) and the
 * configuration this node runs with ({@code server.start}), so a configuration change shows as the
 * difference between two starts. Never a key, a URL or a secret: names and settings only. If the
 * event cannot be written the start fails, as any audited action would.
 */
@Component
class StartupAudit implements SmartInitializingSingleton {

  static final String SYSTEM = "system";

  private final AuditLog audit;
  private final AuditKeyring keyring;
  private final ServerSecrets secrets;
  private final WatchwordProperties server;
  private final AuditProperties auditSettings;
  private final SiemProperties sinks;
  private final TransactionTemplate transactions;

  StartupAudit(AuditLog audit, AuditKeyring keyring, ServerSecrets secrets, WatchwordProperties server,
      AuditProperties auditSettings, SiemProperties sinks, TransactionTemplate transactions) {
    this.audit = audit;
    this.keyring = keyring;
    this.secrets = secrets;
    this.server = server;
    this.auditSettings = auditSettings;
    this.sinks = sinks;
    this.transactions = transactions;
  }

  /**
   * Runs once every bean exists and before the web server starts (it starts with the context's
   * lifecycle, after this), so no request is served before the start is on record.
   */
  @Override
  public void afterSingletonsInstantiated() {
    List<AuditEvent> events = new ArrayList<>();
    if (secrets.masterKeyCreated()) {
      events.add(system("key.master.create", "algorithm=AES256_GCM file=" + ServerSecrets.MASTER_KEY_FILE));
    }
    if (keyring.created()) {
      events.add(system("key.audit.create", "chain=HMAC-SHA256 signing=Ed25519"));
    }
    events.add(system("server.start", configuration()));
    transactions.executeWithoutResult(status -> audit.recordAll(events));
  }

  /** The settings that change what is stored, kept and sent where; the database's kind, not its URL. */
  String configuration() {
    List<String> enabledSinks = new ArrayList<>();
    if (sinks.syslog().enabled()) {
      enabledSinks.add("syslog" + (sinks.syslog().tls() ? "+tls" : ""));
    }
    if (sinks.webhook().enabled()) {
      enabledSinks.add("webhook");
    }
    if (sinks.file().enabled()) {
      enabledSinks.add("file");
    }
    return "database=" + (server.usesPostgres() ? "postgresql" : "sqlite")
        + " dev=" + server.dev()
        + " checkpointEvery=" + auditSettings.checkpointEvery()
        + " checkpointInterval=" + auditSettings.checkpointInterval()
        + " retention=" + retention()
        + " sinks=" + (enabledSinks.isEmpty() ? "none" : String.join(",", enabledSinks));
  }

  /** As configured: whole days read as {@code P400D}, not Java's {@code PT9600H}. */
  private String retention() {
    java.time.Duration retention = auditSettings.retention();
    if (retention == null) {
      return "forever";
    }
    return retention.toSeconds() % 86_400 == 0 ? "P" + retention.toDays() + "D" : retention.toString();
  }

  private static AuditEvent system(String action, String detail) {
    return new AuditEvent(null, SYSTEM, action, null, null, Decision.ALLOW, null, null, detail);
  }
}
