package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.policy.PolicyDecision;
import dev.watchword.server.policy.PolicyEngine;
import dev.watchword.server.policy.PolicyInput;
import dev.watchword.server.policy.PolicyRule;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.vault.PolicyRuleRepository.StoredRule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vault's context policies: managers add and remove CEL rules (each change audited in the
 * same transaction); {@link #decide} evaluates them for a code release.
 *
 * <p>Guarantees: a rule is stored only after it compiled; every statement is scoped by the
 * vault's id, so a rule id of another vault answers "not found".
 */
@Service
class VaultPolicyService {

  private final VaultService vaults;
  private final PolicyRuleRepository rules;
  private final PolicyEngine engine;
  private final AuditLog audit;
  private final Clock clock;

  VaultPolicyService(VaultService vaults, PolicyRuleRepository rules, PolicyEngine engine, AuditLog audit,
      Clock clock) {
    this.vaults = vaults;
    this.rules = rules;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /** The vault's rules and time zone; managers only. */
  Policies list(Caller caller, VaultId vaultId) {
    vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    return new Policies(rules.timeZone(vaultId), rules.list(vaultId));
  }

  /** Compiles and stores a rule; refuses (400, compiler's message) one that does not compile. */
  @Transactional
  StoredRule add(Caller caller, VaultId vaultId, String name, String expression, RequestOrigin origin) {
    vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    engine.validate(expression);
    PolicyRule rule = new PolicyRule(UUID.randomUUID().toString(), name, expression);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    rules.insert(vaultId, rule, now);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "policy.add", vaultId, null, origin)
        .withDetail("rule=" + rule.id() + " name=" + name));
    return new StoredRule(rule, now);
  }

  @Transactional
  void remove(Caller caller, VaultId vaultId, String ruleId, RequestOrigin origin) {
    vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    if (!rules.delete(vaultId, ruleId)) {
      throw new PolicyRuleNotFoundException();
    }
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "policy.remove", vaultId, null, origin)
        .withDetail("rule=" + ruleId));
  }

  @Transactional
  ZoneId setTimeZone(Caller caller, VaultId vaultId, ZoneId zone, RequestOrigin origin) {
    vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    rules.updateTimeZone(vaultId, zone);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "policy.timezone", vaultId, null, origin)
        .withDetail("zone=" + zone.getId()));
    return zone;
  }

  /** Evaluates the vault's rules for releasing a code of {@code entry} to {@code caller}, now. */
  PolicyDecision decide(Caller caller, Vault vault, Entry entry, RequestOrigin origin) {
    List<PolicyRule> stored = rules.list(vault.id()).stream().map(StoredRule::rule).toList();
    if (stored.isEmpty()) {
      return engine.evaluate(stored, null);
    }
    PolicyInput input = new PolicyInput(
        new PolicyInput.Subject(caller.username(), caller.role().wireName(), vault.role().wireName()),
        new PolicyInput.Authentication(caller.aal(), caller.methods(), caller.authenticatedAt()),
        new PolicyInput.Request(origin.clientIp(), clock.instant(), rules.timeZone(vault.id())),
        new PolicyInput.Resource(vault.id().toString(), vault.name(), vault.rules().highValue(),
            entry.id().toString(), entry.issuer(), entry.account(), entry.tags()));
    return engine.evaluate(stored, input);
  }

  record Policies(ZoneId timeZone, List<StoredRule> rules) {}
}
