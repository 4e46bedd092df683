package dev.watchword.otp;

/** The HMAC hash functions allowed by RFC 6238 §1.2 (HOTP itself, RFC 4226, uses only SHA-1). */
public enum HmacAlgorithm {
  SHA1("HmacSHA1"),
  SHA256("HmacSHA256"),
  SHA512("HmacSHA512");

  private final String jcaName;

  HmacAlgorithm(String jcaName) {
    this.jcaName = jcaName;
  }

  /** The JCA standard name for {@code javax.crypto.Mac.getInstance}, e.g. "HmacSHA1". */
  public String jcaName() {
    return jcaName;
  }

  /**
   * Parses "SHA1", "SHA-1", "sha256", "SHA-256", "SHA512", "SHA-512", ignoring ASCII case. MUST NOT return null.
   *
   * @throws OtpFormatException with parameter "algorithm" for anything else, including null
   */
  public static HmacAlgorithm parse(String value) {
    String undashed = value != null && value.length() > 4 && value.charAt(3) == '-'
        ? value.substring(0, 3) + value.substring(4)
        : value;
    for (HmacAlgorithm algorithm : values()) {
      if (Ascii.equalsIgnoreCase(algorithm.name(), undashed)) {
        return algorithm;
      }
    }
    throw new OtpFormatException("algorithm", "algorithm must be SHA1, SHA256 or SHA512");
  }
}
