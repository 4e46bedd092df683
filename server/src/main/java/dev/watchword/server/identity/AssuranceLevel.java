package dev.watchword.server.identity;

import java.time.Duration;

/**
 * Authenticator assurance levels and their reauthentication limits, NIST SP 800-63B Rev. 4
 * §2.2.3 (AAL2: 24 h absolute, 1 h inactivity) and §2.3.3 (AAL3: 12 h, 15 min).
 */
enum AssuranceLevel {
  AAL2(2, Duration.ofHours(24), Duration.ofHours(1)),
  AAL3(3, Duration.ofHours(12), Duration.ofMinutes(15));

  private final int level;
  private final Duration absoluteTimeout;
  private final Duration idleTimeout;

  AssuranceLevel(int level, Duration absoluteTimeout, Duration idleTimeout) {
    this.level = level;
    this.absoluteTimeout = absoluteTimeout;
    this.idleTimeout = idleTimeout;
  }

  int level() {
    return level;
  }

  Duration absoluteTimeout() {
    return absoluteTimeout;
  }

  Duration idleTimeout() {
    return idleTimeout;
  }
}
