package dev.watchword.server.policy;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.RequestOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation-wide context policies: owners and admins add and remove CEL rules that every vault
 * request must pass, before the vault's own rules.
 *
 * <p>Guarantees: a rule is stored only after it compiled (400 with the compiler's message
 * otherwise); every change is audited ({@code org.policy.add}, {@code org.policy.remove},
 * {@code org.policy.timezone}) in the transaction that makes it; {@link #current} reads the
 * database on each call, so a change applies to the next request on every node.
 */
@Service
public class OrgPolicyService {

  private final OrgPolicyRules rules;
  private final PolicyEngine engine;
  private final AuditLog audit;
  private final Clock clock;

  OrgPolicyService(OrgPolicyRules rules, PolicyEngine engine, AuditLog audit, Clock clock) {
    this.rules = rules;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /** The rules every vault request must pass, oldest first, in the organisation's policy zone. */
  public RuleSet current() {
    return rules.current();
  }

  Listing list(Caller caller) {
    caller.requireAdministrator();
    return new Listing(rules.current().zone(), rules.list());
  }

  @Transactional
  StoredRule add(Caller caller, String name, String expression, RequestOrigin origin) {
    caller.requireAdministrator();
    String checkedName = PolicyRule.checkedName(name);
    engine.validate(expression);
    PolicyRule rule = new PolicyRule(UUID.randomUUID().toString(), checkedName, expression);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    rules.insert(rule, now);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "org.policy.add", null, null, origin)
        .withDetail("rule=" + rule.id() + " name=" + checkedName));
    return new StoredRule(rule, now);
  }

  @Transactional
  void remove(Caller caller, String ruleId, RequestOrigin origin) {
    caller.requireAdministrator();
    if (!rules.delete(ruleId)) {
      throw new PolicyRuleNotFoundException();
    }
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "org.policy.remove", null, null, origin)
        .withDetail("rule=" + ruleId));
  }

  @Transactional
  ZoneId setTimeZone(Caller caller, String zoneId, RequestOrigin origin) {
    caller.requireAdministrator();
    ZoneId zone = RuleSet.zone(zoneId);
    rules.updateTimeZone(zone);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "org.policy.timezone", null, null, origin)
        .withDetail("zone=" + zone.getId()));
    return zone;
  }

  record Listing(ZoneId zone, List<StoredRule> rules) {}
}
