package dev.watchword.server.audit;

import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.util.Objects;

/**
 * One thing that happened, as the audit records it. MUST NOT carry a seed, a code, a password or
 * a token: {@code reason} is the caller's own words, {@code detail} is for non-secret facts
 * such as the HOTP counter released.
 *
 * @param actorId the user or machine that acted; {@code null} for the system itself
 * @param actorName a readable name that stays in the log after the actor is deleted
 * @param action a dotted verb such as {@code code.release} or {@code vault.create}
 * @param rule the policy rule or release rule that decided, when one did
 */
public record AuditEvent(
    UserId actorId,
    String actorName,
    String action,
    VaultId vaultId,
    EntryId entryId,
    Decision decision,
    String reason,
    RequestOrigin origin,
    String detail,
    String rule) {

  public AuditEvent {
    Objects.requireNonNull(actorName, "actorName");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(decision, "decision");
    origin = origin == null ? RequestOrigin.system() : origin;
  }

  public AuditEvent(UserId actorId, String actorName, String action, VaultId vaultId, EntryId entryId,
      Decision decision, String reason, RequestOrigin origin, String detail) {
    this(actorId, actorName, action, vaultId, entryId, decision, reason, origin, detail, null);
  }

  /** An allowed action by a user on a vault (and optionally one of its entries). */
  public static AuditEvent allowed(UserId actor, String actorName, String action, VaultId vault, EntryId entry,
      RequestOrigin origin) {
    return new AuditEvent(actor, actorName, action, vault, entry, Decision.ALLOW, null, origin, null);
  }

  public AuditEvent withReason(String newReason) {
    return new AuditEvent(actorId, actorName, action, vaultId, entryId, decision, newReason, origin, detail, rule);
  }

  public AuditEvent withDetail(String newDetail) {
    return new AuditEvent(actorId, actorName, action, vaultId, entryId, decision, reason, origin, newDetail, rule);
  }

  public AuditEvent withRule(String decidingRule) {
    return new AuditEvent(actorId, actorName, action, vaultId, entryId, decision, reason, origin, detail, decidingRule);
  }
}
