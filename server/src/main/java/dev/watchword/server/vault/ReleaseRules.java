package dev.watchword.server.vault;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vault's rules for each code release: a reason may be required, and it may have to match a
 * ticket pattern such as {@code ^[A-Z]+-\d+$}; a high-value vault releases a code only after a
 * second member approved it (two-person release). Patterns are RE2 expressions (linear time), so a
 * manager's rule cannot stall the server on a crafted reason.
 */
public record ReleaseRules(boolean requireReason, String ticketPattern, boolean highValue) {

  static final int MAX_PATTERN_LENGTH = 200;
  static final ReleaseRules NONE = new ReleaseRules(false, null, false);
  /** Compiled ticket patterns: a release is the hot path, a pattern changes rarely. Cleared when large. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();
  private static final int MAX_COMPILED = 1_000;

  /** Validates a new pattern; the refusal carries the compiler's message. */
  static ReleaseRules of(boolean requireReason, String ticketPattern, boolean highValue) {
    if (ticketPattern != null) {
      if (ticketPattern.isBlank() || ticketPattern.length() > MAX_PATTERN_LENGTH) {
        throw new InvalidVaultSettingsException("'ticketPattern' must be 1 to " + MAX_PATTERN_LENGTH + " characters.");
      }
      try {
        Pattern.compile(ticketPattern);
      } catch (PatternSyntaxException e) {
        throw new InvalidVaultSettingsException("'ticketPattern' does not compile: " + e.getMessage());
      }
    }
    return new ReleaseRules(requireReason || ticketPattern != null, ticketPattern, highValue);
  }

  /**
   * A change to the rules: a {@code null} field keeps its value; {@code ticketPattern} {@code ""}
   * (or blank) removes the pattern.
   */
  record Change(Boolean requireReason, String ticketPattern, Boolean highValue) {

    /** The rules after this change, validated (a new pattern must compile). */
    ReleaseRules applyTo(ReleaseRules current) {
      String pattern = ticketPattern == null ? current.ticketPattern()
          : ticketPattern.isBlank() ? null : ticketPattern.strip();
      return of(requireReason != null ? requireReason : current.requireReason(), pattern,
          highValue != null ? highValue : current.highValue());
    }
  }

  /** Refuses a release whose reason the rules do not accept. */
  void check(String reason) {
    if (!requireReason) {
      return;
    }
    if (reason == null) {
      throw new ReasonRequiredException("This vault requires a reason for each code release.");
    }
    if (ticketPattern != null && !compiled(ticketPattern).matches(reason)) {
      throw new ReasonRequiredException("The reason must be a ticket matching " + ticketPattern + ".");
    }
  }

  private static Pattern compiled(String pattern) {
    if (COMPILED.size() > MAX_COMPILED) {
      COMPILED.clear();
    }
    return COMPILED.computeIfAbsent(pattern, Pattern::compile);
  }
}
