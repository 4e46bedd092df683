package dev.watchword.otp;

import java.time.Instant;

/**
 * TOTP, the time-based one-time password of RFC 6238: HOTP with the counter T = floor((time - T0) / X),
 * where T0 is the Unix epoch and X the period in seconds (§4.2).
 *
 * <p>Guarantees: methods MUST NOT return null and never include the key in an exception. Times before
 * T0 are refused rather than mapped to a negative counter. Thread-safe.
 */
public final class Totp {

  /** The latest time whose step's end still fits in an {@link Instant}. */
  private static final long LATEST_EPOCH_SECOND = Instant.MAX.getEpochSecond() - OtpParameters.MAX_PERIOD;

  private Totp() {
  }

  /**
   * The time step T = floor(epochSeconds / period) of RFC 6238 §4.2, with T0 = 0; sub-second parts are ignored.
   *
   * @throws OtpFormatException with parameter "period" (outside 1..3600) or "time" (null, before 1970)
   */
  public static long timeStep(Instant at, int period) {
    OtpParameters.checkPeriod(period);
    if (at == null) {
      throw new OtpFormatException("time", "time is required");
    }
    long seconds = at.getEpochSecond();
    if (seconds < 0) {
      throw new OtpFormatException("time", "time must not be before 1970-01-01T00:00:00Z, the TOTP epoch T0");
    }
    if (seconds > LATEST_EPOCH_SECOND) {
      throw new OtpFormatException("time", "time is too far in the future to compute a time step");
    }
    return seconds / period;
  }

  /**
   * TOTP(K, T) = HOTP(K, T) with T from {@link #timeStep} (RFC 6238 §4.2).
   *
   * @throws OtpFormatException naming the invalid parameter, as {@link #timeStep} and {@link Hotp#generate} do
   */
  public static String generate(HmacAlgorithm algorithm, byte[] key, Instant at, int period, int digits) {
    return Hotp.generate(algorithm, key, timeStep(at, period), digits);
  }

  /**
   * The time step containing {@code at} and when it starts and ends.
   *
   * @throws OtpFormatException as {@link #timeStep} does
   */
  public static TotpWindow window(Instant at, int period) {
    long step = timeStep(at, period);
    long start = step * period;
    return new TotpWindow(step, Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + period));
  }
}
