package dev.watchword.otp;

import java.time.Instant;

/**
 * One TOTP time step and the half-open interval {@code [validFrom, validUntil)} during which its code is current.
 *
 * @param step       the time-step number T of RFC 6238 §4.2
 * @param validFrom  the first instant of the step (inclusive)
 * @param validUntil the first instant of the next step (exclusive)
 */
public record TotpWindow(long step, Instant validFrom, Instant validUntil) {

  /** True when {@code at} falls inside this step. */
  public boolean contains(Instant at) {
    return !at.isBefore(validFrom) && at.isBefore(validUntil);
  }
}
