package dev.watchword.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

  private final PolicyEngine engine = new PolicyEngine();

  private static final ZoneId UTC = ZoneId.of("UTC");

  /** Monday 2026-11-23 08:30 UTC, signed in ten minutes earlier at AAL2, asking for a code. */
  private static PolicyInput input(String ip) {
    Instant now = Instant.parse("2026-11-23T08:30:00Z");
    return new PolicyInput(new PolicyInput.Subject("alice", "member", "viewer", List.of("night-shift")),
        new PolicyInput.Authentication(2, List.of("pwd", "otp"), now.minusSeconds(600)),
        new PolicyInput.Request(ip, now, "code.release"),
        new PolicyInput.Resource("v1", "Acme", true, "e1", "GitHub", "ops@acme", List.of("aws", "prod")));
  }

  private static PolicyRule rule(String name, String expression) {
    return new PolicyRule(name, name, expression);
  }

  /** One rule set, in {@code zone}. */
  private PolicyDecision evaluate(List<PolicyRule> rules, PolicyInput input, ZoneId zone) {
    return engine.evaluate(List.of(new RuleSet(zone, rules)), input);
  }

  @Test
  void evaluateWhenEveryRuleHoldsThenAllowedWithTheCount() {
    PolicyDecision decision = evaluate(List.of(
        rule("net", "inCidr(request.ip, '10.0.0.0/8')"),
        rule("hours", "request.hour >= 8 && request.hour < 18 && request.weekday == 'MONDAY'"),
        rule("aal", "auth.aal >= 2 && auth.ageSeconds < 3600 && 'otp' in auth.methods"),
        rule("who", "subject.orgRole == 'member' && resource.highValue == true && resource.issuer == 'GitHub'"),
        rule("team", "'night-shift' in subject.groups && !('interns' in subject.groups)")),
        input("10.1.2.3"), UTC);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.passed()).isEqualTo(5);
  }

  @Test
  void evaluateWhenARuleIsFalseThenDeniedNamingTheFirstSuchRule() {
    PolicyDecision decision = evaluate(List.of(
        rule("aal", "auth.aal >= 2"), rule("net", "inCidr(request.ip, '10.0.0.0/8')"), rule("never", "false")),
        input("192.0.2.1"), UTC);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.deciding().name()).isEqualTo("net");
    assertThatThrownBy(decision::orThrow).isInstanceOf(PolicyDeniedException.class)
        .hasMessage("Refused by policy 'net'.");
  }

  @Test
  void evaluateWhenHourIsReadInTheRuleSetsZoneThenTheLocalHourCounts() {
    // 08:30 UTC is 17:30 in Tokyo.
    List<PolicyRule> officeHours = List.of(rule("hours", "request.hour >= 9 && request.hour < 17"));

    assertThat(evaluate(officeHours, input("10.0.0.1"), UTC).allowed()).isFalse();
    assertThat(evaluate(officeHours, input("10.0.0.1"), ZoneId.of("Asia/Tokyo")).allowed()).isFalse();
    assertThat(evaluate(officeHours, input("10.0.0.1"), ZoneId.of("Europe/Berlin")).allowed()).isTrue();
  }

  @Test
  void evaluateWhenRuleReadsTheResourcesTagsThenTheyAreAList() {
    PolicyDecision prodNeedsAal3 = evaluate(List.of(rule("prod", "!('prod' in resource.tags) || auth.aal >= 3")),
        input("10.0.0.1"), UTC);
    PolicyDecision tagged = evaluate(List.of(rule("tagged", "resource.tags.exists(t, t.startsWith('aw'))"
        + " && size(resource.tags) == 2")), input("10.0.0.1"), UTC);

    assertThat(prodNeedsAal3.allowed()).isFalse();
    assertThat(tagged.allowed()).isTrue();
  }

  @Test
  void evaluateWhenSeveralSetsThenEachInItsOwnZoneAndTheFirstSetsRuleDecidesFirst() {
    // 08:30 UTC is 09:30 in Berlin and 17:30 in Tokyo.
    RuleSet organisation = new RuleSet(ZoneId.of("Europe/Berlin"), List.of(rule("org hours", "request.hour == 9")));
    RuleSet vault = new RuleSet(ZoneId.of("Asia/Tokyo"), List.of(rule("vault hours", "request.hour == 17"),
        rule("codes only", "request.action == 'code.release'")));
    RuleSet refusing = new RuleSet(UTC, List.of(rule("vault says no", "false")));

    PolicyDecision both = engine.evaluate(List.of(organisation, vault), input("10.0.0.1"));
    PolicyDecision orgFirst = engine.evaluate(List.of(new RuleSet(UTC, List.of(rule("org says no", "false"))),
        refusing), input("10.0.0.1"));

    assertThat(both.allowed()).isTrue();
    assertThat(both.passed()).isEqualTo(3);
    assertThat(orgFirst.deciding().name()).isEqualTo("org says no");
    assertThat(engine.evaluate(List.of(new RuleSet(UTC, List.of()), refusing), input("10.0.0.1")).deciding().name())
        .isEqualTo("vault says no");
  }

  @Test
  void evaluateWhenThereAreNoRulesThenAllowedWithoutLookingAtTheInput() {
    assertThat(engine.evaluate(List.of(new RuleSet(UTC, List.of())), null).allowed()).isTrue();
  }

  @Test
  void evaluateWhenEvaluationFailsThenDenied() {
    PolicyDecision decision = evaluate(List.of(
        rule("bad ip", "inCidr(request.ip, '10.0.0.0/8')"), rule("missing key", "resource.owner == 'x'")),
        input(""), UTC);
    PolicyDecision missingKey = evaluate(List.of(rule("missing key", "resource.owner == 'x'")),
        input("10.0.0.1"), UTC);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.deciding().name()).isEqualTo("bad ip");
    assertThat(missingKey.allowed()).isFalse();
  }

  @Test
  void validateWhenExpressionIsWrongThenRefusedWithTheCompilersMessage() {
    assertThatThrownBy(() -> engine.validate("request.hour >")).isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("does not compile");
    assertThatThrownBy(() -> engine.validate("nope == 1")).isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("undeclared reference to 'nope'");
    assertThatThrownBy(() -> engine.validate("'just text'")).isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("must be boolean");
    assertThatThrownBy(() -> engine.validate("inCidr(request.ip, '10.0.0.0/33')"))
        .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> engine.validate("true".repeat(300))).isInstanceOf(InvalidPolicyException.class);
  }
}
