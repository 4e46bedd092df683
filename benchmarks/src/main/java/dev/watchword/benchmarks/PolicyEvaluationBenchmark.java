package dev.watchword.benchmarks;

import dev.watchword.server.policy.PolicyDecision;
import dev.watchword.server.policy.PolicyEngine;
import dev.watchword.server.policy.PolicyInput;
import dev.watchword.server.policy.PolicyRule;
import dev.watchword.server.policy.RuleSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the context policies add to one vault request: the server's own {@link PolicyEngine}
 * evaluating realistic rules that all hold, so every rule runs. {@link #evaluate}: three rules in
 * one set (office network by CIDR, office hours in a time zone, AAL2), as in the first
 * measurement. {@link #evaluateOrganisationAndVault}: what every vault request now pays with both
 * scopes in use: an organisation-wide set (office network, in UTC) and the vault's set (office
 * hours in Europe/Berlin, strong sign-in, production tags need a fresh sign-in via the
 * {@code exists} macro, and an action rule), five rules in two zones. The rules are compiled once
 * in setup, as the server compiles them when they are saved and keeps the programs; reading the
 * rules from the database and the audit record are not timed. Goal (issue 4, item 8): under
 * 20 µs per evaluation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PolicyEvaluationBenchmark {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final List<String> TAGS = List.of("aws", "prod");
  private static final PolicyRule NETWORK = new PolicyRule("r1", "office network",
      "inCidr(request.ip, \"10.20.0.0/16\") || inCidr(request.ip, \"2001:db8::/32\")");
  // Every day and hour, so that the rule holds whenever the benchmark runs: the same work each time.
  private static final PolicyRule HOURS = new PolicyRule("r2", "office hours", "request.weekday in [\"MONDAY\","
      + " \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"] && request.hour >= 0"
      + " && request.hour < 24");
  private static final PolicyRule SIGN_IN = new PolicyRule("r3", "strong sign-in",
      "auth.aal >= 2 && auth.ageSeconds < 43200");
  private static final PolicyRule PRODUCTION = new PolicyRule("r4", "production needs a fresh sign-in",
      "!resource.tags.exists(t, t.startsWith(\"prod\")) || auth.ageSeconds < 3600");
  private static final PolicyRule ACTIONS = new PolicyRule("r5", "viewers read and release only",
      "subject.vaultRole != \"viewer\" || request.action in [\"entry.list\", \"code.release\", \"approval.list\"]");

  private final PolicyEngine engine = new PolicyEngine();
  private final Clock clock = Clock.systemUTC();
  private List<RuleSet> oneSet;
  private List<RuleSet> twoScopes;

  @Setup
  public void compileRules() {
    oneSet = List.of(new RuleSet(ZONE, List.of(NETWORK, HOURS, SIGN_IN)));
    twoScopes = List.of(new RuleSet(ZoneId.of("UTC"), List.of(NETWORK)),
        new RuleSet(ZONE, List.of(HOURS, SIGN_IN, PRODUCTION, ACTIONS)));
    for (PolicyRule rule : List.of(NETWORK, HOURS, SIGN_IN, PRODUCTION, ACTIONS)) {
      engine.validate(rule.expression());
    }
    if (!evaluate().allowed() || !evaluateOrganisationAndVault().allowed()) {
      throw new IllegalStateException("the benchmark's rules must all hold");
    }
  }

  /** Three rules in one set: build the input from the request, evaluate all rules. */
  @Benchmark
  public PolicyDecision evaluate() {
    return engine.evaluate(oneSet, input());
  }

  /** The organisation's rule, then the vault's four, in two zones: what a vault request pays with both in use. */
  @Benchmark
  public PolicyDecision evaluateOrganisationAndVault() {
    return engine.evaluate(twoScopes, input());
  }

  private PolicyInput input() {
    Instant now = clock.instant();
    return new PolicyInput(new PolicyInput.Subject("alice", "member", "viewer", List.of("night-shift")),
        new PolicyInput.Authentication(2, List.of(), now.minusSeconds(600)),
        new PolicyInput.Request("10.20.30.40", now, "code.release"),
        new PolicyInput.Resource("4b1f0c7e-8d2a-4f51-9a56-0c3e2d1b7a90", "Acme", false,
            "9c3e2d1b-7a90-4b1f-8d2a-4f519a560c3e", "GitHub", "ops@acme.example", TAGS));
  }
}
