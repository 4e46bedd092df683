package dev.watchword.server.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Guards sensitive actions (changing one's factors, revealing a seed, managing a high-value
 * vault): they need a sign-in within the last {@link #DEFAULT_MAX_AGE} at a given level.
 * Development tokens, which belong to no session, pass: dev mode binds loopback only.
 */
@Component
public class StepUp {

  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(15);

  private final Clock clock;

  StepUp(Clock clock) {
    this.clock = clock;
  }

  /** Throws {@link StepUpRequiredException} unless the caller authenticated recently enough at AAL2 or more. */
  public void requireRecentAal2(Caller caller) {
    require(caller, DEFAULT_MAX_AGE, AssuranceLevel.AAL2);
  }

  void require(Caller caller, Duration maxAge, AssuranceLevel level) {
    if (caller.sessionId() == null) {
      return;
    }
    boolean strongEnough = caller.aal() >= level.level();
    boolean recentEnough = !caller.authenticatedAt().plus(maxAge).isBefore(clock.instant());
    if (!strongEnough || !recentEnough) {
      throw new StepUpRequiredException(maxAge, level);
    }
  }
}
