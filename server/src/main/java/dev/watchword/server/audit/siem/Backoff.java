package dev.watchword.server.audit.siem;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and
 * all of {@code min(max, initial * 2^(n-1))}, so retries of many servers spread out but never
 * collapse to zero. Not thread-safe: one per delivery loop.
 */
final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;
  private int failures;

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The wait after one more failure. */
  Duration next() {
    failures = Math.min(failures + 1, 62);
    long ceiling = max.toMillis();
    long base = initial.toMillis();
    long delay = failures - 1 >= Long.numberOfLeadingZeros(base) - 1 ? ceiling
        : Math.min(ceiling, base << (failures - 1));
    long half = delay / 2;
    return Duration.ofMillis(half + (delay - half == 0 ? 0 : random.nextLong(delay - half + 1)));
  }

  void reset() {
    failures = 0;
  }

  int failures() {
    return failures;
  }
}
