package dev.watchword.server.audit;

/**
 * An audit event as the store holds it: the fields the chain covers, with their sequence number
 * and time. Ids are kept as the text they are stored as, so a verifier reads back exactly what
 * was hashed.
 */
record StoredEvent(
    long seq,
    long at,
    String actorId,
    String actorName,
    String action,
    String vaultId,
    String entryId,
    String decision,
    String reason,
    String clientIp,
    String userAgent,
    String sessionId,
    String rule,
    String detail) {

  static StoredEvent of(long seq, long at, AuditEvent event) {
    return new StoredEvent(seq, at, text(event.actorId()), event.actorName(), event.action(),
        text(event.vaultId()), text(event.entryId()), event.decision().wireName(), event.reason(),
        event.origin().clientIp(), event.origin().userAgent(), event.origin().sessionId(), event.rule(),
        event.detail());
  }

  private static String text(Object id) {
    return id == null ? null : id.toString();
  }
}
