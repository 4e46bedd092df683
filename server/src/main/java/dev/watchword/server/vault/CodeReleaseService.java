package dev.watchword.server.vault;

import dev.watchword.otp.Hotp;
import dev.watchword.otp.OtpCodes;
import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.Totp;
import dev.watchword.otp.TotpWindow;
import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.policy.PolicyDecision;
import dev.watchword.server.policy.PolicyDeniedException;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Releases codes.
 *
 * <p>Guarantees: the seed is decrypted only to compute the code and zeroed right after; the
 * {@code code.release} event commits in the same transaction as the HOTP counter it consumed,
 * and the code is returned only after that commit (if the audit write fails, no code leaves);
 * a refused release is audited as a denial in a transaction of its own, with the caller's reason
 * and, when a policy refused, the deciding rule; the organisation's and the vault's context
 * policies are evaluated here (the route is {@link VaultAction#evaluatedByService}) before any
 * approval, HOTP counter or seed is touched.
 */
@Service
class CodeReleaseService {

  static final String ACTION = "code.release";
  private final VaultService vaults;
  private final ReleaseApprovalService approvals;
  private final VaultPolicyService policies;
  private final EntryRepository entries;
  private final SealedSeeds seeds;
  private final AuditLog audit;
  private final AuditedRefusals refusals;
  private final Clock clock;

  CodeReleaseService(VaultService vaults, ReleaseApprovalService approvals, VaultPolicyService policies,
      EntryRepository entries, SealedSeeds seeds, AuditLog audit, AuditedRefusals refusals, Clock clock) {
    this.vaults = vaults;
    this.approvals = approvals;
    this.policies = policies;
    this.entries = entries;
    this.seeds = seeds;
    this.audit = audit;
    this.refusals = refusals;
    this.clock = clock;
  }

  ReleaseOutcome release(Caller caller, VaultId vaultId, EntryId entryId, String reason, String approvalId,
      RequestOrigin origin) {
    return refusals.runInGroupCommit(() -> releaseAudited(caller, vaultId, entryId, reason, approvalId, origin),
        refused -> new AuditEvent(caller.id(), caller.username(), ACTION, vaultId, entryId, Decision.DENY, reason,
            origin, refused.getMessage()).withRule(decidingRule(refused)));
  }

  /** The rule named in the audit when a policy refused; release rules and roles name themselves in the detail. */
  static String decidingRule(ProblemException refused) {
    return refused instanceof PolicyDeniedException policy ? policy.auditRule() : null;
  }

  /** Audits a release asked for with an id that is not even well-formed, and returns the refusal to throw. */
  ProblemException refuseMalformedIds(Caller caller, VaultId vaultId, String reason, RequestOrigin origin,
      ProblemException refusal) {
    refusals.record(new AuditEvent(caller.id(), caller.username(), ACTION, vaultId, null, Decision.DENY, reason,
        origin, "malformed id"));
    return refusal;
  }

  private ReleaseOutcome releaseAudited(Caller caller, VaultId vaultId, EntryId entryId, String reason,
      String approvalId, RequestOrigin origin) {
    VaultAccess access = vaults.access(caller, vaultId);
    Vault vault = access.withRole(VaultRole.VIEWER);
    ReleaseRules rules = vault.rules();
    rules.check(reason);
    SealedEntry sealed = entries.findSealed(vaultId, entryId).orElseThrow(EntryNotFoundException::new);
    PolicyDecision decision = policies.decide(access.ruleSets(), caller, vault, sealed.entry(), ACTION, origin);
    decision.orThrow();
    String policy = decision.passed() == 0 ? "" : " policy=" + decision.passed();
    OtpParameters parameters = sealed.entry().parameters();
    AuditEvent event = AuditEvent.allowed(caller.id(), caller.username(), ACTION, vaultId, entryId, origin)
        .withReason(reason)
        .withRule(decision.allowingRule());
    String approval = "";
    if (rules.highValue() || sealed.entry().highValue()) {
      if (approvalId == null) {
        return approvals.request(caller, vaultId, entryId, ReleaseApprovalService.CODE, reason, origin);
      }
      approval = " approvedBy=" + approvals.use(caller, vaultId, entryId, ReleaseApprovalService.CODE, approvalId);
    }
    ReleasedCode released;
    if (parameters.type() == OtpType.HOTP) {
      long counter = entries.takeHotpCounter(vaultId, entryId);
      String code = seeds.withSeed(sealed, seed -> Hotp.generate(parameters.algorithm(), seed, counter, parameters.digits()));
      released = ReleasedCode.hotp(code, counter);
      event = event.withDetail("counter=" + counter + approval + policy);
    } else {
      Instant now = clock.instant();
      TotpWindow window = Totp.window(now, parameters.period());
      String code = seeds.withSeed(sealed, seed -> OtpCodes.generate(parameters, seed, now));
      String step = "step=" + window.step();
      released = ReleasedCode.timeBased(parameters.type(), code, window.validFrom(), window.validUntil(),
          audit.priorReleases(vaultId, entryId, ACTION, step, window.validFrom()));
      event = event.withDetail(step + approval + policy);
    }
    audit.record(event);
    return released;
  }
}
