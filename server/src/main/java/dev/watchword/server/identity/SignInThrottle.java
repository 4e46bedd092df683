package dev.watchword.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in per account and per client address.
 *
 * <p>Policy: the {@value #FREE_FAILURES}th consecutive failure on an account (the
 * {@value #FREE_FAILURES_PER_ADDRESS}th on a client address, which a whole office may share
 * behind one NAT) blocks it for 30 s, and each further failure doubles the block, up to one
 * hour; a completed sign-in clears the account's and the address's counts. Keys are counted whether or not the account exists, so
 * the answers for an unknown user and a known one are the same.
 */
@Component
class SignInThrottle {

  static final int FREE_FAILURES = 10;
  static final int FREE_FAILURES_PER_ADDRESS = 100;
  private static final String ADDRESS_PREFIX = "ip:";
  private static final Duration FIRST_BLOCK = Duration.ofSeconds(30);
  private static final Duration LONGEST_BLOCK = Duration.ofHours(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  SignInThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  static List<String> keys(String username, String clientIp) {
    return List.of("user:" + username.toLowerCase(Locale.ROOT), ADDRESS_PREFIX + clientIp);
  }

  /** How long the caller must wait before trying again, if any key is blocked. */
  Optional<Duration> retryAfter(List<String> keys) {
    long now = clock.millis();
    long longest = 0;
    for (String key : keys) {
      long blockedUntil = jdbc.sql("SELECT blocked_until FROM sign_in_throttle WHERE throttle_key = :key")
          .param("key", key).query(Long.class).optional().orElse(0L);
      longest = Math.max(longest, blockedUntil - now);
    }
    return longest > 0 ? Optional.of(Duration.ofMillis(longest)) : Optional.empty();
  }

  void recordFailure(List<String> keys) {
    long now = clock.millis();
    for (String key : keys) {
      int failures = jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = :key")
          .param("key", key).query(Integer.class).optional().orElse(0) + 1;
      int free = key.startsWith(ADDRESS_PREFIX) ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES;
      long blockedUntil = failures >= free ? now + block(failures - free).toMillis() : 0;
      int updated = jdbc.sql("""
              UPDATE sign_in_throttle SET failures = :failures, blocked_until = :blocked, updated_at = :now
              WHERE throttle_key = :key""")
          .param("failures", failures).param("blocked", blockedUntil).param("now", now).param("key", key)
          .update();
      if (updated == 0) {
        jdbc.sql("""
                INSERT INTO sign_in_throttle (throttle_key, failures, blocked_until, updated_at)
                VALUES (:key, :failures, :blocked, :now)""")
            .param("key", key).param("failures", failures).param("blocked", blockedUntil).param("now", now)
            .update();
      }
    }
  }

  void reset(List<String> keys) {
    for (String key : keys) {
      jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = :key").param("key", key).update();
    }
  }

  /** The block after {@code excess} failures beyond the free ones: 30 s, doubling, at most an hour. */
  static Duration block(int excess) {
    int doublings = Math.min(excess, 20);
    Duration block = FIRST_BLOCK.multipliedBy(1L << doublings);
    return block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block;
  }
}
