package dev.watchword.server.policy;

import dev.watchword.server.web.PlainTextRule;

/**
 * One stored rule: a CEL expression that must evaluate to {@code true}.
 *
 * @param id the rule's stable id; also the key of its compiled program
 * @param name what a refusal tells the caller, e.g. "office hours"
 * @param expression the CEL source, already validated by {@link PolicyEngine#validate}
 */
public record PolicyRule(String id, String name, String expression) {

  /** The longest name a rule may have; a refusal quotes it to the caller. */
  public static final int MAX_NAME_LENGTH = 100;

  /**
   * The name a person typed, checked: 1 to {@link #MAX_NAME_LENGTH} characters of plain text.
   *
   * @throws InvalidPolicyException otherwise
   */
  public static String checkedName(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH || !PlainTextRule.isPlain(stripped)) {
      throw new InvalidPolicyException("The rule needs a name of 1 to " + MAX_NAME_LENGTH
          + " characters without control characters.");
    }
    return stripped;
  }
}
