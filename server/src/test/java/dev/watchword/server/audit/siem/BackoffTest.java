package dev.watchword.server.audit.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void nextWhenFailuresRepeatThenDoublesWithinHalfToFullAndCapsAtMax() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new SplittableRandom(7));

    long[] ceilings = {1_000, 2_000, 4_000, 8_000, 10_000, 10_000};
    for (long ceiling : ceilings) {
      assertThat(backoff.next().toMillis()).isBetween(ceiling / 2, ceiling);
    }
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.next().toMillis()).isBetween(5_000L, 10_000L);
    }
  }

  @Test
  void nextWhenResetAfterSuccessThenStartsAgainFromInitial() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMinutes(5), new SplittableRandom(1));
    for (int i = 0; i < 20; i++) {
      backoff.next();
    }

    backoff.reset();

    assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
  }
}
