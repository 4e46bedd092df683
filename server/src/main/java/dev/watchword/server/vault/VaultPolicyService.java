package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.policy.OrgPolicyService;
import dev.watchword.server.policy.PolicyDecision;
import dev.watchword.server.policy.PolicyEngine;
import dev.watchword.server.policy.PolicyInput;
import dev.watchword.server.policy.PolicyLockoutException;
import dev.watchword.server.policy.PolicyRule;
import dev.watchword.server.policy.PolicyRuleNotFoundException;
import dev.watchword.server.policy.RuleSet;
import dev.watchword.server.policy.StoredRule;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * A vault's context policies: managers add and remove CEL rules (each change audited in the
 * same transaction); {@link #decide} evaluates the organisation's rules, then the vault's, for one
 * request to the vault.
 *
 * <p>Guarantees: a rule is stored only after it compiled, and only if it would not refuse its
 * author removing it again (so a manager cannot lock themselves out by mistake); every statement
 * is scoped by the vault's id, so a rule id of another vault answers "not found".
 */
@Service
class VaultPolicyService {

  static final String REMOVE = "policy.remove";

  private final VaultService vaults;
  private final PolicyRuleRepository rules;
  private final OrgPolicyService organisation;
  private final PolicyEngine engine;
  private final UserDirectory directory;
  private final AuditLog audit;
  private final Clock clock;

  VaultPolicyService(VaultService vaults, PolicyRuleRepository rules, OrgPolicyService organisation,
      PolicyEngine engine, UserDirectory directory, AuditLog audit, Clock clock) {
    this.vaults = vaults;
    this.directory = directory;
    this.rules = rules;
    this.organisation = organisation;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /** The vault's rules and time zone; managers only. */
  Policies list(Caller caller, VaultId vaultId) {
    vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    return new Policies(rules.timeZone(vaultId), rules.list(vaultId));
  }

  /**
   * Compiles and stores a rule; refuses (400, compiler's message) one that does not compile, and
   * (409 {@code policy-lockout}) one that would refuse this caller removing it again from here.
   */
  @Transactional
  StoredRule add(Caller caller, VaultId vaultId, String name, String expression, RequestOrigin origin) {
    Vault vault = vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    String checkedName = PolicyRule.checkedName(name);
    engine.validate(expression);
    PolicyRule rule = new PolicyRule(UUID.randomUUID().toString(), checkedName, expression);
    RuleSet alone = new RuleSet(rules.timeZone(vaultId), List.of(rule));
    PolicyInput removal = input(caller, directory.groupNamesOf(caller.id()), vault, null, REMOVE, origin);
    if (!engine.evaluate(List.of(alone), removal).allowed()) {
      throw new PolicyLockoutException(checkedName);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    rules.insert(vaultId, rule, now);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "policy.add", vaultId, null, origin)
        .withDetail("rule=" + rule.id() + " name=" + checkedName));
    return new StoredRule(rule, now);
  }

  @Transactional
  void remove(Caller caller, VaultId vaultId, String ruleId, RequestOrigin origin) {
    vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    if (!rules.delete(vaultId, ruleId)) {
      throw new PolicyRuleNotFoundException();
    }
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), REMOVE, vaultId, null, origin)
        .withDetail("rule=" + ruleId));
  }

  @Transactional
  ZoneId setTimeZone(Caller caller, VaultId vaultId, String zoneId, RequestOrigin origin) {
    vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    ZoneId zone = RuleSet.zone(zoneId);
    rules.updateTimeZone(vaultId, zone);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "policy.timezone", vaultId, null, origin)
        .withDetail("zone=" + zone.getId()));
    return zone;
  }

  /**
   * Evaluates {@code sets} (the organisation's rules, then the vault's, as {@link VaultService#access}
   * read them with the caller's role) for {@code action} by {@code caller}, now.
   */
  PolicyDecision decide(List<RuleSet> sets, Caller caller, Vault vault, Entry entry, String action,
      RequestOrigin origin) {
    return decide(sets, caller, () -> directory.groupNamesOf(caller.id()), vault, entry, action, origin);
  }

  /** {@code callerGroups} is asked only when a rule set has rules. */
  private PolicyDecision decide(List<RuleSet> sets, Caller caller, Supplier<List<String>> callerGroups, Vault vault,
      Entry entry, String action, RequestOrigin origin) {
    if (isEmpty(sets)) {
      return engine.evaluate(sets, null);
    }
    return engine.evaluate(sets, input(caller, callerGroups.get(), vault, entry, action, origin));
  }

  /**
   * The vaults among {@code visible} whose rules allow {@code action} to {@code caller} now: for
   * pages that read several vaults at once (search, approvals), which have no single vault route
   * for the enforcement point to guard. A vault that refuses is left out, not reported: nothing
   * is said about it, as for a vault the caller cannot see. The organisation's rules are read once,
   * the vaults' in one statement.
   */
  List<Vault> allowing(Caller caller, List<Vault> visible, String action, RequestOrigin origin) {
    RuleSet organisation = this.organisation.current();
    java.util.Map<VaultId, RuleSet> vaultRules = rules.ruleSets(visible.stream().map(Vault::id).toList());
    // read at the first vault that has rules, then again for every other vault of the page
    Supplier<List<String>> callerGroups = SingletonSupplier.of(() -> directory.groupNamesOf(caller.id()));
    return visible.stream()
        .filter(vault -> {
          RuleSet own = vaultRules.getOrDefault(vault.id(), RuleSet.NONE);
          return decide(List.of(organisation, own), caller, callerGroups, vault, null, action, origin).allowed();
        })
        .toList();
  }

  static boolean isEmpty(List<RuleSet> sets) {
    return sets.stream().allMatch(set -> set.rules().isEmpty());
  }

  /** What the rules see of this request; {@code entry} is null for a request about the vault as a whole. */
  private PolicyInput input(Caller caller, List<String> callerGroups, Vault vault, Entry entry, String action,
      RequestOrigin origin) {
    return new PolicyInput(
        new PolicyInput.Subject(caller.username(), caller.role().wireName(), vault.role().wireName(), callerGroups),
        new PolicyInput.Authentication(caller.aal(), caller.methods(), caller.authenticatedAt()),
        new PolicyInput.Request(origin.clientIp(), clock.instant(), action),
        entry == null
            ? new PolicyInput.Resource(vault.id().toString(), vault.name(), vault.rules().highValue(), null, null, null,
                List.of())
            : new PolicyInput.Resource(vault.id().toString(), vault.name(),
                vault.rules().highValue() || entry.highValue(), entry.id().toString(), entry.issuer(), entry.account(),
                entry.tags()));
  }

  record Policies(ZoneId timeZone, List<StoredRule> rules) {}
}
