package dev.watchword.otp;

/**
 * ASCII-only text helpers. Protocol tokens ("totp", "SHA256", "otpauth") are ASCII, and
 * {@link String#equalsIgnoreCase} would also fold non-ASCII look-alikes such as U+017F (long s) into them.
 */
final class Ascii {

  private Ascii() {
  }

  static boolean equalsIgnoreCase(String expected, String actual) {
    if (actual == null || actual.length() != expected.length()) {
      return false;
    }
    for (int i = 0; i < expected.length(); i++) {
      if (toUpperCase(expected.charAt(i)) != toUpperCase(actual.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static char toUpperCase(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
