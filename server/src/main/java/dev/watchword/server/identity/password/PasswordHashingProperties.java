package dev.watchword.server.identity.password;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many Argon2id computations may run at once, and how long a caller waits for a slot.
 *
 * @param maxConcurrentHashes {@code watchword.password.max-concurrent-hashes}; {@code null}
 *     means the number of processors. Each computation holds 19 MiB, so this bounds the memory
 *     a login storm can take.
 * @param maxWait {@code watchword.password.max-wait}; {@code null} means 5 seconds. A caller
 *     still waiting after this gets a {@link PasswordHashingBusyException}.
 */
@ConfigurationProperties("watchword.password")
record PasswordHashingProperties(Integer maxConcurrentHashes, Duration maxWait) {

  static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

  PasswordHashingProperties {
    if (maxConcurrentHashes == null) {
      maxConcurrentHashes = Runtime.getRuntime().availableProcessors();
    }
    if (maxConcurrentHashes < 1) {
      throw new IllegalArgumentException(
          "watchword.password.max-concurrent-hashes must be at least 1");
    }
    if (maxWait == null) {
      maxWait = DEFAULT_MAX_WAIT;
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("watchword.password.max-wait must not be negative");
    }
  }
}
