package dev.watchword.server.policy;

/**
 * The outcome of a rule set.
 *
 * @param allowed whether every rule evaluated to {@code true}
 * @param deciding the first rule that evaluated to anything else or failed; {@code null} when allowed
 * @param passed how many rules evaluated to {@code true}
 */
public record PolicyDecision(boolean allowed, PolicyRule deciding, int passed) {

  static PolicyDecision allow(int passed) {
    return new PolicyDecision(true, null, passed);
  }

  static PolicyDecision deny(PolicyRule rule, int passed) {
    return new PolicyDecision(false, rule, passed);
  }

  /**
   * The audit's {@code rule} for an allowing decision: {@code policy:all <n> rules allowed}, or
   * {@code null} when no rule took part.
   */
  public String allowingRule() {
    return passed == 0 ? null : "policy:all " + passed + " rules allowed";
  }

  /** Throws {@link PolicyDeniedException} naming the deciding rule unless the decision allows. */
  public void orThrow() {
    if (!allowed) {
      throw new PolicyDeniedException(deciding.name());
    }
  }
}
