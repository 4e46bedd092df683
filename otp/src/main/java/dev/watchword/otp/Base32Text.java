package dev.watchword.otp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.codec.binary.Base32;

/**
 * Lenient RFC 4648 §6 Base32 as authenticator apps accept it: ASCII case is ignored, whitespace is
 * ignored, trailing '=' padding is optional. Everything else is validated here, before commons-codec
 * decodes, because commons-codec's lenient mode silently skips characters outside the alphabet.
 *
 * <p>Non-zero unused bits in the last character are accepted and dropped, as Google Authenticator
 * and commons-codec's lenient policy do: seeds typed or exported by other tools are not always
 * canonical, and refusing them would lock users out of a working credential.
 *
 * <p>Error messages are constants: they never contain the secret or the refused character. Working
 * buffers are zeroed before returning.
 */
final class Base32Text {

  /** 205 characters carry 1025 bits: the most that still decodes to at most {@link Secret#MAX_LENGTH} bytes. */
  static final int MAX_DATA_CHARS = (Secret.MAX_LENGTH * 8 + 4) / 5;

  /** RFC 4648 §6: a final quantum of 8, 16, 24, 32 or 40 bits leaves 0, 2, 4, 5 or 7 characters mod 8. */
  private static final boolean[] POSSIBLE_LENGTH_MOD_8 = {true, false, true, false, true, true, false, true};

  /** Six '=' is the most a final quantum needs (RFC 4648 §6, case 2). */
  private static final int MAX_PADDING = 6;

  private static final Base32 CODEC = new Base32();

  private Base32Text() {
  }

  static byte[] decode(CharSequence text) {
    if (text == null) {
      throw refused("secret is required");
    }
    byte[] ascii = new byte[Math.min(text.length(), MAX_DATA_CHARS)];
    try {
      int count = collectAlphabet(text, ascii);
      if (count == 0) {
        throw refused("secret must not be empty");
      }
      if (!POSSIBLE_LENGTH_MOD_8[count % 8]) {
        throw refused("secret has a length that no Base32 encoding produces; a character is missing or extra");
      }
      byte[] data = Arrays.copyOf(ascii, count);
      try {
        return CODEC.decode(data);
      } finally {
        Arrays.fill(data, (byte) 0);
      }
    } finally {
      Arrays.fill(ascii, (byte) 0);
    }
  }

  static String encode(byte[] bytes) {
    byte[] padded = CODEC.encode(bytes);
    try {
      int length = padded.length;
      while (length > 0 && padded[length - 1] == '=') {
        length--;
      }
      return new String(padded, 0, length, StandardCharsets.US_ASCII);
    } finally {
      Arrays.fill(padded, (byte) 0);
    }
  }

  /** Copies the upper-cased alphabet characters into {@code ascii} and returns how many there were. */
  private static int collectAlphabet(CharSequence text, byte[] ascii) {
    int count = 0;
    int padding = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        continue;
      }
      if (c == '=') {
        if (++padding > MAX_PADDING) {
          throw refused("secret has more '=' padding than Base32 allows (at most 6)");
        }
        continue;
      }
      char upper = Ascii.toUpperCase(c);
      if (!isAlphabet(upper)) {
        throw refused("secret must contain only Base32 characters A-Z and 2-7, optional '=' padding and spaces");
      }
      if (padding > 0) {
        throw refused("secret has characters after its '=' padding");
      }
      if (count == MAX_DATA_CHARS) {
        throw refused("secret is longer than 128 bytes");
      }
      ascii[count++] = (byte) upper;
    }
    return count;
  }

  private static boolean isAlphabet(char upper) {
    return (upper >= 'A' && upper <= 'Z') || (upper >= '2' && upper <= '7');
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static OtpFormatException refused(String message) {
    return new OtpFormatException("secret", message);
  }
}
