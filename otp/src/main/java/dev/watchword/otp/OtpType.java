package dev.watchword.otp;

import java.util.Locale;

/**
 * The one-time password families: the two OATH ones, counter-based HOTP (RFC 4226) and time-based TOTP
 * (RFC 6238), and Steam Guard, which is TOTP with a different final encoding (see {@link SteamGuard}).
 */
public enum OtpType {
  TOTP,
  HOTP,
  /** Steam Guard: TOTP over HMAC-SHA1 printed as 5 characters of Steam's alphabet. */
  STEAM;

  /**
   * Parses the OATH types "totp" or "hotp", ignoring ASCII case. MUST NOT return null. "steam" is refused here,
   * because callers that predate {@link #STEAM} treat every non-HOTP type as numeric TOTP; use
   * {@link #parseIncludingSteam} where Steam Guard is handled.
   *
   * @throws OtpFormatException with parameter "type" for anything else, including null
   */
  public static OtpType parse(String value) {
    if (Ascii.equalsIgnoreCase(TOTP.name(), value)) {
      return TOTP;
    }
    if (Ascii.equalsIgnoreCase(HOTP.name(), value)) {
      return HOTP;
    }
    throw new OtpFormatException("type", "type must be totp or hotp");
  }

  /**
   * Parses "totp", "hotp" or "steam", ignoring ASCII case. MUST NOT return null.
   *
   * @throws OtpFormatException with parameter "type" for anything else, including null
   */
  public static OtpType parseIncludingSteam(String value) {
    if (Ascii.equalsIgnoreCase(STEAM.name(), value)) {
      return STEAM;
    }
    if (Ascii.equalsIgnoreCase(TOTP.name(), value) || Ascii.equalsIgnoreCase(HOTP.name(), value)) {
      return parse(value);
    }
    throw new OtpFormatException("type", "type must be totp, hotp or steam");
  }

  /** True for the types whose codes follow the clock: TOTP and STEAM. */
  public boolean isTimeBased() {
    return this != HOTP;
  }

  /** The lower-case name: "totp", "hotp" or "steam" (the otpauth URI host, except that Steam is written as totp). */
  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
