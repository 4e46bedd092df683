package dev.watchword.server.audit;

import java.time.Instant;

/**
 * A filter over the audit trail; every field may be {@code null} (no filter on it).
 *
 * @param actor a user id or the actor's name at the time
 * @param decision {@code allow} or {@code deny}
 * @param from inclusive; {@code to} exclusive
 * @param after the cursor: only events with a larger sequence number
 * @param limit at most this many events per page
 */
public record AuditQuery(String vaultId, String entryId, String actor, String action, String decision, Instant from,
    Instant to, Long after, int limit) {

  public static final int MAX_PAGE = 1_000;
  /** The longest text filter: ids and names are far shorter, and a filter is echoed in export audits. */
  static final int MAX_FILTER = 200;

  public AuditQuery {
    for (String text : new String[] {vaultId, entryId, actor, action}) {
      if (text != null && text.length() > MAX_FILTER) {
        throw new InvalidAuditQueryException("A filter may be at most " + MAX_FILTER + " characters.");
      }
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidAuditQueryException("limit must be between 1 and " + MAX_PAGE + ".");
    }
    if (decision != null && !decision.equals("allow") && !decision.equals("deny")) {
      throw new InvalidAuditQueryException("decision must be allow or deny.");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidAuditQueryException("from must be before to.");
    }
    if (after != null && after < 0) {
      throw new InvalidAuditQueryException("after must be a sequence number (0 or more).");
    }
  }

  AuditQuery after(long seq) {
    return new AuditQuery(vaultId, entryId, actor, action, decision, from, to, seq, limit);
  }
}
