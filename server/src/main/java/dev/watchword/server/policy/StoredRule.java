package dev.watchword.server.policy;

import java.time.Instant;

/** A rule as stored, organisation-wide or in a vault: the rule and when it was added. */
public record StoredRule(PolicyRule rule, Instant createdAt) {}
