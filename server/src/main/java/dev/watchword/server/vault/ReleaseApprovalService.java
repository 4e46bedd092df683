package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-person release for high-value vaults. A request waits {@link #DECISION_WINDOW} for another
 * member of the vault (any role, never the requester) to approve or deny it; an approval lets the
 * requester fetch one code within {@link #USE_WINDOW}. Every step is audited.
 */
@Service
class ReleaseApprovalService {

  static final Duration DECISION_WINDOW = Duration.ofMinutes(10);
  static final Duration USE_WINDOW = Duration.ofMinutes(5);

  private final VaultService vaults;
  private final ReleaseApprovals approvals;
  private final AuditLog audit;
  private final Clock clock;

  ReleaseApprovalService(VaultService vaults, ReleaseApprovals approvals, AuditLog audit, Clock clock) {
    this.vaults = vaults;
    this.approvals = approvals;
    this.audit = audit;
    this.clock = clock;
  }

  static final String CODE = "code";
  static final String REVEAL = "reveal";

  /** Runs in the request's transaction; {@code purpose} is {@link #CODE} or {@link #REVEAL}. */
  ApprovalRequired request(Caller caller, VaultId vault, EntryId entry, String purpose, String reason,
      RequestOrigin origin) {
    Instant now = clock.instant();
    Instant expires = now.plus(DECISION_WINDOW);
    String id = approvals.request(vault, entry, caller.id(), purpose, reason, now, expires);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), purpose + ".approval.request", vault, entry,
        origin).withReason(reason).withDetail("approval=" + id));
    return new ApprovalRequired(id, expires);
  }

  /** Runs in the request's transaction; returns who approved. */
  UserId use(Caller caller, VaultId vault, EntryId entry, String purpose, String approvalId) {
    return approvals.use(vault, entry, purpose, approvalId, caller.id(), clock.instant())
        .orElseThrow(ApprovalNotUsableException::new);
  }

  @Transactional
  void decide(Caller caller, VaultId vault, String approvalId, boolean approve, RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.VIEWER);
    Instant now = clock.instant();
    if (approvalId.length() > 64) {
      throw new ApprovalNotFoundException();
    }
    ReleaseApprovals.Decided decided = approvals.decide(vault, approvalId, caller.id(), approve, now,
            now.plus(USE_WINDOW))
        .orElseThrow(ApprovalNotFoundException::new);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(),
        decided.purpose() + (approve ? ".approval.approve" : ".approval.deny"), vault, decided.entry(), origin)
        .withDetail("approval=" + approvalId));
  }

  List<ReleaseApprovals.Pending> pending(Caller caller, VaultId vault) {
    vaults.getWithRole(caller, vault, VaultRole.VIEWER);
    return waitingFor(caller, approvals.pending(vault, clock.instant()));
  }

  /**
   * As {@link #pending(Caller, VaultId)} for many vaults at once; {@code visible} are vaults the
   * caller sees now ({@link VaultService#listVisible}), so every member may decide.
   */
  List<ReleaseApprovals.Pending> pendingIn(Caller caller, List<Vault> visible) {
    return waitingFor(caller, approvals.pendingIn(visible.stream().map(Vault::id).toList(), clock.instant()));
  }

  /** Nobody approves their own request. */
  private static List<ReleaseApprovals.Pending> waitingFor(Caller caller, List<ReleaseApprovals.Pending> pending) {
    return pending.stream().filter(p -> !p.requester().equals(caller.id())).toList();
  }
}
