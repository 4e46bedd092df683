package dev.watchword.server.policy;

/**
 * One stored rule: a CEL expression that must evaluate to {@code true}.
 *
 * @param id the rule's stable id; also the key of its compiled program
 * @param name what a refusal tells the caller, e.g. "office hours"
 * @param expression the CEL source, already validated by {@link PolicyEngine#validate}
 */
public record PolicyRule(String id, String name, String expression) {}
