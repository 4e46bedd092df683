package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.crypto.SeedCipher;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates vaults and answers which vaults a caller may see. */
@Service
class VaultService {

  private final VaultRepository vaults;
  private final SeedCipher cipher;
  private final AuditLog audit;
  private final Clock clock;

  VaultService(VaultRepository vaults, SeedCipher cipher, AuditLog audit, Clock clock) {
    this.vaults = vaults;
    this.cipher = cipher;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates a vault with its own data key; the creator becomes its manager. */
  @Transactional
  Vault create(Caller caller, String name, String client, RequestOrigin origin) {
    VaultId id = VaultId.random();
    // Stored in milliseconds: answer with what a later read will show.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    vaults.insert(id, name, client, caller.id(), now);
    vaults.addMember(id, caller.id(), VaultRole.MANAGER, now);
    cipher.createVaultKey(id);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "vault.create", id, null, origin));
    return new Vault(id, name, client, now, VaultRole.MANAGER, ReleaseRules.NONE);
  }

  // No transaction: on SQLite every transaction takes the write lock up front (BEGIN IMMEDIATE),
  // and these reads need no more consistency than each statement gives.
  List<Vault> listVisible(Caller caller) {
    return vaults.listVisible(caller.id());
  }

  /**
   * Changes the vault's release rules; managers only. The change is merged into the rules read in
   * the same transaction, so two concurrent changes of different fields both survive.
   */
  @Transactional
  Vault updateRules(Caller caller, VaultId id, ReleaseRules.Change change, RequestOrigin origin) {
    ReleaseRules rules = change.applyTo(getWithRole(caller, id, VaultRole.MANAGER).rules());
    vaults.updateRules(id, rules);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "vault.settings", id, null, origin)
        .withDetail("requireReason=" + rules.requireReason() + " ticketPattern=" + rules.ticketPattern()
            + " highValue=" + rules.highValue()));
    return getVisible(caller, id);
  }

  /** Whether the caller holds any live role in the vault. */
  boolean isVisible(Caller caller, VaultId id) {
    return findVisible(caller, id).isPresent();
  }

  /** The vault if the caller may see it (with their strongest live role in it). */
  java.util.Optional<Vault> findVisible(Caller caller, VaultId id) {
    return vaults.findVisible(id, caller.id());
  }

  /** The vault if the caller may see it; otherwise "not found", whether or not it exists. */
  Vault getVisible(Caller caller, VaultId id) {
    return findVisible(caller, id).orElseThrow(VaultNotFoundException::new);
  }

  /**
   * The vault if the caller may see it, and the rule sets a request to it must pass, in one
   * statement (see {@link VaultRepository#findVisibleWithRules}).
   */
  VaultAccess access(Caller caller, VaultId id) {
    return vaults.findVisibleWithRules(id, caller.id());
  }

  /** As {@link #getVisible}, and refuses (403) a caller whose role is below {@code required}. */
  Vault getWithRole(Caller caller, VaultId id, VaultRole required) {
    return requireRole(getVisible(caller, id), required);
  }

  /** {@code vault} if the caller's role there includes {@code required}; otherwise 403. */
  static Vault requireRole(Vault vault, VaultRole required) {
    if (!vault.role().includes(required)) {
      throw new VaultRoleRequiredException(required);
    }
    return vault;
  }
}
