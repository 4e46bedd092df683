package dev.watchword.server.audit;

import java.time.Instant;

/**
 * One audit event as readers see it (API, export, reports). Holds no seed, code, password or
 * token, because no event does.
 */
public record AuditRecord(long seq, Instant at, String actor, String actorId, String action, String vaultId,
    String entryId, String decision, String reason, String rule, String ip, String userAgent, String sessionId,
    String detail) {

  static AuditRecord of(StoredEvent event) {
    return new AuditRecord(event.seq(), Instant.ofEpochMilli(event.at()), event.actorName(), event.actorId(),
        event.action(), event.vaultId(), event.entryId(), event.decision(), event.reason(), event.rule(),
        event.clientIp(), event.userAgent(), event.sessionId(), event.detail());
  }
}
