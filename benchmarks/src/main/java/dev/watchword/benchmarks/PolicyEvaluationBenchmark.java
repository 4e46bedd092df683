package dev.watchword.benchmarks;

import dev.watchword.server.policy.PolicyDecision;
import dev.watchword.server.policy.PolicyEngine;
import dev.watchword.server.policy.PolicyInput;
import dev.watchword.server.policy.PolicyRule;
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
 * What the context policies add to one code release: the server's own {@link PolicyEngine}
 * evaluating a realistic rule set of three rules (office network by CIDR, office hours in a time
 * zone, AAL2), all of which hold, so every rule runs. The rules are compiled once in setup, as
 * the server compiles them when they are saved; reading the rules from the database and the
 * audit record are not timed. Goal (issue 4, item 8): under 20 µs per evaluation.
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

  private final PolicyEngine engine = new PolicyEngine();
  private final Clock clock = Clock.systemUTC();
  private List<PolicyRule> rules;

  @Setup
  public void compileRules() {
    rules = List.of(
        new PolicyRule("r1", "office network",
            "inCidr(request.ip, \"10.20.0.0/16\") || inCidr(request.ip, \"2001:db8::/32\")"),
        // Every day and hour, so that the rule holds whenever the benchmark runs: the same work each time.
        new PolicyRule("r2", "office hours", "request.weekday in [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\","
            + " \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"] && request.hour >= 0 && request.hour < 24"),
        new PolicyRule("r3", "strong sign-in", "auth.aal >= 2 && auth.ageSeconds < 43200"));
    for (PolicyRule rule : rules) {
      engine.validate(rule.expression());
    }
    if (!evaluate().allowed()) {
      throw new IllegalStateException("the benchmark's rules must all hold");
    }
  }

  /** One evaluation as the server does it per release: build the input from the request, evaluate all rules. */
  @Benchmark
  public PolicyDecision evaluate() {
    Instant now = clock.instant();
    PolicyInput input = new PolicyInput(new PolicyInput.Subject("alice", "member", "viewer"),
        new PolicyInput.Authentication(2, List.of(), now.minusSeconds(600)),
        new PolicyInput.Request("10.20.30.40", now, ZONE),
        new PolicyInput.Resource("4b1f0c7e-8d2a-4f51-9a56-0c3e2d1b7a90", "Acme", false,
            "9c3e2d1b-7a90-4b1f-8d2a-4f519a560c3e", "GitHub", "ops@acme.example", TAGS));
    return engine.evaluate(rules, input);
  }
}
