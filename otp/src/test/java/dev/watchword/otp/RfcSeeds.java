package dev.watchword.otp;

import java.nio.charset.StandardCharsets;

/** The ASCII seeds of RFC 4226 Appendix D and RFC 6238 Appendix B; each call returns a fresh array. */
final class RfcSeeds {

  private RfcSeeds() {
  }

  /** "12345678901234567890", 20 bytes: RFC 4226 Appendix D and RFC 6238's SHA1 rows. */
  static byte[] sha1() {
    return ascii("12345678901234567890");
  }

  static byte[] forAlgorithm(HmacAlgorithm algorithm) {
    return switch (algorithm) {
      case SHA1 -> sha1();
      case SHA256 -> ascii("12345678901234567890123456789012");
      case SHA512 -> ascii("1234567890123456789012345678901234567890123456789012345678901234");
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
