package dev.watchword.otp;

import java.util.Locale;

/** The two OATH one-time password families: counter-based HOTP (RFC 4226) and time-based TOTP (RFC 6238). */
public enum OtpType {
  TOTP,
  HOTP;

  /**
   * Parses "totp" or "hotp", ignoring ASCII case. MUST NOT return null.
   *
   * @throws OtpFormatException with parameter "type" for anything else, including null
   */
  public static OtpType parse(String value) {
    for (OtpType type : values()) {
      if (Ascii.equalsIgnoreCase(type.name(), value)) {
        return type;
      }
    }
    throw new OtpFormatException("type", "type must be totp or hotp");
  }

  /** The name as it appears as the otpauth URI host: "totp" or "hotp". */
  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
