package dev.watchword.otp;

/**
 * How codes are computed for one credential: type, HMAC algorithm, number of digits, and either the
 * TOTP period or the HOTP counter.
 *
 * <p>Guarantees: every instance is valid (digits 6..10; for TOTP a period of 1..3600 seconds; for HOTP a
 * counter of zero or more; for STEAM exactly {@value #STEAM_DIGITS} characters, SHA1 and a period of 1..3600
 * seconds). Fields that do not apply are normalised so that equal settings are {@code equals}: a TOTP or
 * STEAM instance always has counter 0 and an HOTP instance always has period {@link #DEFAULT_PERIOD},
 * which is then ignored.
 *
 * @param type      TOTP, HOTP or STEAM; MUST NOT be null
 * @param algorithm the HMAC hash; MUST NOT be null
 * @param digits    code length, 6 to 10 (RFC 4226 §5.3 requires at least 6); 5 characters for STEAM
 * @param period    TOTP time step X in seconds (RFC 6238 §4.1), 1 to 3600
 * @param counter   HOTP moving factor C (RFC 4226 §5.1), zero or more
 */
public record OtpParameters(OtpType type, HmacAlgorithm algorithm, int digits, int period, long counter) {

  public static final int DEFAULT_DIGITS = 6;
  public static final int DEFAULT_PERIOD = 30;
  public static final int MIN_DIGITS = 6;
  public static final int MAX_DIGITS = 10;
  public static final int MIN_PERIOD = 1;
  public static final int MAX_PERIOD = 3600;
  /** Steam Guard codes are always five characters. */
  public static final int STEAM_DIGITS = 5;

  static final String DIGITS_RULE = "digits must be an integer from 6 to 10";
  static final String PERIOD_RULE = "period must be an integer from 1 to 3600 seconds";
  static final String COUNTER_RULE = "counter must be an integer from 0 to 9223372036854775807";

  /** @throws OtpFormatException naming the first invalid field */
  public OtpParameters {
    if (type == null) {
      throw new OtpFormatException("type", "type is required: totp, hotp or steam");
    }
    if (algorithm == null) {
      throw new OtpFormatException("algorithm", "algorithm is required: SHA1, SHA256 or SHA512");
    }
    if (type == OtpType.STEAM) {
      checkSteam(algorithm, digits);
      checkPeriod(period);
      counter = 0;
    } else if (type == OtpType.TOTP) {
      checkDigits(digits);
      checkPeriod(period);
      counter = 0;
    } else {
      checkDigits(digits);
      checkCounter(counter);
      period = DEFAULT_PERIOD;
    }
  }

  /** TOTP settings. MUST NOT return null. @throws OtpFormatException if a value is out of range */
  public static OtpParameters totp(HmacAlgorithm algorithm, int digits, int period) {
    return new OtpParameters(OtpType.TOTP, algorithm, digits, period, 0);
  }

  /** HOTP settings. MUST NOT return null. @throws OtpFormatException if a value is out of range */
  public static OtpParameters hotp(HmacAlgorithm algorithm, int digits, long counter) {
    return new OtpParameters(OtpType.HOTP, algorithm, digits, DEFAULT_PERIOD, counter);
  }

  /**
   * Steam Guard settings: SHA1, {@value #STEAM_DIGITS} characters, the given period (Steam itself uses 30).
   * MUST NOT return null.
   *
   * @throws OtpFormatException with parameter "period" if the period is out of range
   */
  public static OtpParameters steam(int period) {
    return new OtpParameters(OtpType.STEAM, HmacAlgorithm.SHA1, STEAM_DIGITS, period, 0);
  }

  /**
   * The same HOTP settings at another counter, e.g. after a code was used (RFC 4226 §7.2).
   *
   * @throws OtpFormatException with parameter "counter" if this is TOTP or the counter is negative
   */
  public OtpParameters withCounter(long newCounter) {
    if (type != OtpType.HOTP) {
      throw new OtpFormatException("counter", "counter applies only to hotp");
    }
    return hotp(algorithm, digits, newCounter);
  }

  static void checkDigits(int digits) {
    if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
      throw new OtpFormatException("digits", DIGITS_RULE);
    }
  }

  /** Steam Guard has no specification; every client computes it with HMAC-SHA1 and prints 5 characters. */
  private static void checkSteam(HmacAlgorithm algorithm, int digits) {
    if (algorithm != HmacAlgorithm.SHA1) {
      throw new OtpFormatException("algorithm", "algorithm must be SHA1 for steam");
    }
    if (digits != STEAM_DIGITS) {
      throw new OtpFormatException("digits", "digits must be 5 for steam");
    }
  }

  static void checkPeriod(int period) {
    if (period < MIN_PERIOD || period > MAX_PERIOD) {
      throw new OtpFormatException("period", PERIOD_RULE);
    }
  }

  static void checkCounter(long counter) {
    if (counter < 0) {
      throw new OtpFormatException("counter", COUNTER_RULE);
    }
  }
}
