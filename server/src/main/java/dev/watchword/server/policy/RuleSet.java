package dev.watchword.server.policy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * Rules that are evaluated together, in order, in one time zone: the organisation's rules, or one
 * vault's.
 *
 * @param zone the zone {@code request.hour} and {@code request.weekday} are read in
 * @param rules oldest first: the order they are evaluated in
 */
public record RuleSet(ZoneId zone, List<PolicyRule> rules) {

  /** No rules at all: what a vault that is gone has (its requests are refused elsewhere, as not found). */
  public static final RuleSet NONE = new RuleSet(ZoneId.of("UTC"), List.of());

  public RuleSet {
    rules = List.copyOf(rules);
  }

  /** A policy time zone from its IANA id; refuses (400 {@code invalid-policy}) anything else. */
  public static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new InvalidPolicyException("'timeZone' is not a time zone id such as Europe/Berlin.");
    }
  }
}
