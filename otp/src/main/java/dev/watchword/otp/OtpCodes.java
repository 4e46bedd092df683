package dev.watchword.otp;

import java.time.Instant;

/**
 * The current code of a credential of any {@link OtpType}: one place that picks {@link Hotp}, {@link Totp} or
 * {@link SteamGuard}, so that callers need no switch over the types.
 *
 * <p>Guarantees: MUST NOT return null and never includes the key in an exception. Thread-safe.
 */
public final class OtpCodes {

  private OtpCodes() {
  }

  /**
   * HOTP at {@code parameters.counter()}, TOTP or Steam Guard at {@code at}.
   *
   * @param at ignored for HOTP
   * @throws OtpFormatException naming the invalid parameter
   */
  public static String generate(OtpParameters parameters, byte[] key, Instant at) {
    return switch (parameters.type()) {
      case HOTP -> Hotp.generate(parameters.algorithm(), key, parameters.counter(), parameters.digits());
      case TOTP -> Totp.generate(parameters.algorithm(), key, at, parameters.period(), parameters.digits());
      case STEAM -> SteamGuard.generate(key, at, parameters.period());
    };
  }
}
