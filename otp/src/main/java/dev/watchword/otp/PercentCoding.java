package dev.watchword.otp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of RFC 3986 §2.1 over UTF-8. Decoding turns only {@code %XX} escapes into bytes:
 * '+' stays a literal plus, as the Key URI format percent-encodes spaces as %20. Error messages name
 * the parameter and never echo the input.
 */
final class PercentCoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCoding() {
  }

  /**
   * Decodes the escapes in {@code text}; raw characters pass through unchanged.
   *
   * @throws OtpFormatException naming {@code parameter} for a malformed escape or escapes that are not UTF-8
   */
  static String decode(String text, String parameter) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder decoded = new StringBuilder(text.length());
    byte[] run = new byte[text.length() / 3];
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '%') {
        decoded.append(text.charAt(i++));
        continue;
      }
      int length = 0;
      while (i < text.length() && text.charAt(i) == '%') {
        int high = i + 2 < text.length() ? hexValue(text.charAt(i + 1)) : -1;
        int low = high >= 0 ? hexValue(text.charAt(i + 2)) : -1;
        if (low < 0) {
          throw new OtpFormatException(parameter,
              parameter + " has a malformed percent-escape; use % followed by two hex digits");
        }
        run[length++] = (byte) (high << 4 | low);
        i += 3;
      }
      // A multi-byte UTF-8 character must be escaped as one unbroken run of %XX triplets.
      decoded.append(utf8(run, length, parameter));
    }
    return decoded.toString();
  }

  /**
   * Percent-encodes every UTF-8 byte except RFC 3986 unreserved characters, and '@' when {@code keepAt}
   * (a legal path character that keeps "alice@example.com" labels readable). Spaces become %20.
   */
  static String encode(String text, boolean keepAt) {
    StringBuilder encoded = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c) || (keepAt && c == '@')) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[(b >> 4) & 0x0f]).append(HEX[b & 0x0f]);
      }
    }
    return encoded.toString();
  }

  /** The length {@link #encode} would return, without building the string. */
  static int encodedLength(String text, boolean keepAt) {
    int length = 0;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      length += isUnreserved(c) || (keepAt && c == '@') ? 1 : 3;
    }
    return length;
  }

  private static String utf8(byte[] bytes, int length, String parameter) {
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new OtpFormatException(parameter, parameter + " has percent-escapes that are not valid UTF-8");
    }
  }

  /** RFC 3986 §2.3. */
  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || Ascii.isDigit(c)
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static int hexValue(char c) {
    if (Ascii.isDigit(c)) {
      return c - '0';
    }
    char upper = Ascii.toUpperCase(c);
    return upper >= 'A' && upper <= 'F' ? upper - 'A' + 10 : -1;
  }
}
