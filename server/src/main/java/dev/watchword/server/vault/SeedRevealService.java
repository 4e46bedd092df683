package dev.watchword.server.vault;

import dev.watchword.otp.OtpType;
import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Secret;
import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.crypto.SeedCipher;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.StepUp;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a seed leaves the server, and the way back to safety.
 *
 * <p>Guarantees: a reveal needs the vault's manager role and a sign-in within the last 15
 * minutes (step-up), obeys the vault's reason rules, is audited as {@code seed.reveal} in the
 * same transaction, and marks the entry "rotation due" until an editor replaces its seed; it
 * passes the organisation's and the vault's context policies, evaluated here with the entry (the
 * route is {@link VaultAction#evaluatedByService}), a refusal audited with the caller's reason; in a
 * high-value vault or for a high-value entry it also needs a second person's approval; the
 * offboarding report lists every reveal by a leaver.
 */
@Service
class SeedRevealService {

  static final String REVEAL = "seed.reveal";

  private final VaultService vaults;
  private final EntryRepository entries;
  private final SeedCipher cipher;
  private final SealedSeeds seeds;
  private final StepUp stepUp;
  private final AuditLog audit;
  private final Clock clock;
  private final AuditedRefusals refusals;
  private final ReleaseApprovalService approvals;
  private final VaultPolicyService policies;

  SeedRevealService(VaultService vaults, EntryRepository entries, SeedCipher cipher, SealedSeeds seeds, StepUp stepUp,
      AuditLog audit, Clock clock, AuditedRefusals refusals, ReleaseApprovalService approvals,
      VaultPolicyService policies) {
    this.refusals = refusals;
    this.approvals = approvals;
    this.policies = policies;
    this.vaults = vaults;
    this.entries = entries;
    this.cipher = cipher;
    this.seeds = seeds;
    this.stepUp = stepUp;
    this.audit = audit;
    this.clock = clock;
  }

  /** Reveals the seed; a refusal is audited as a {@code deny} in a transaction of its own. */
  RevealOutcome reveal(Caller caller, VaultId vaultId, EntryId entryId, String reason, String approvalId,
      RequestOrigin origin) {
    return refusals.run(() -> revealAudited(caller, vaultId, entryId, reason, approvalId, origin),
        refused -> new AuditEvent(caller.id(), caller.username(), REVEAL, vaultId, entryId, Decision.DENY, reason,
            origin, refused.getMessage()).withRule(CodeReleaseService.decidingRule(refused)));
  }

  private RevealOutcome revealAudited(Caller caller, VaultId vaultId, EntryId entryId, String reason,
      String approvalId, RequestOrigin origin) {
    VaultAccess access = vaults.access(caller, vaultId);
    Vault vault = access.withRole(VaultRole.MANAGER);
    ReleaseRules rules = vault.rules();
    rules.check(reason);
    stepUp.requireRecentAal2(caller);
    SealedEntry sealed = entries.findSealed(vaultId, entryId).orElseThrow(EntryNotFoundException::new);
    Entry entry = sealed.entry();
    policies.decide(access.ruleSets(), caller, vault, entry, REVEAL, origin).orThrow();
    String approval = "";
    if (rules.highValue() || entry.highValue()) {
      if (approvalId == null) {
        return approvals.request(caller, vaultId, entryId, ReleaseApprovalService.REVEAL, reason, origin);
      }
      approval = " approvedBy=" + approvals.use(caller, vaultId, entryId, ReleaseApprovalService.REVEAL, approvalId);
    }
    OtpauthUri uri = seeds.uri(sealed);
    RevealedSeed revealed;
    try {
      revealed = new RevealedSeed(uri.secret().toBase32(), uri.toUri());
    } finally {
      uri.secret().destroy();
    }
    entries.markRotationDue(vaultId, entryId, clock.instant());
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), REVEAL, vaultId, entryId, origin)
        .withReason(reason).withDetail("rotation due" + approval));
    return revealed;
  }

  /** An editor replaces the seed (after re-enrolling the account); the entry is trusted again. */
  @Transactional
  Entry replace(Caller caller, VaultId vaultId, EntryId entryId, Secret secret, Long counter, RequestOrigin origin) {
    vaults.getWithRole(caller, vaultId, VaultRole.EDITOR);
    Entry entry = entries.find(vaultId, entryId).orElseThrow(EntryNotFoundException::new);
    boolean hotp = entry.parameters().type() == OtpType.HOTP;
    long newCounter = hotp && counter != null ? counter : 0;
    byte[] seed = secret.bytes();
    try {
      entries.replaceSecret(vaultId, entryId, cipher.encrypt(vaultId, entryId, seed), secret.isWeak(), newCounter);
    } finally {
      Arrays.fill(seed, (byte) 0);
      secret.destroy();
    }
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "entry.rotate", vaultId, entryId, origin));
    return entries.find(vaultId, entryId).orElseThrow(EntryNotFoundException::new);
  }

  /** A revealed seed; {@code toString()} keeps it out of logs. */
  record RevealedSeed(String secret, String uri) implements RevealOutcome {
    @Override
    public String toString() {
      return "RevealedSeed[redacted]";
    }
  }
}
