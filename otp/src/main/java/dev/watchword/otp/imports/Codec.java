package dev.watchword.otp.imports;

import java.util.Base64;
import java.util.HexFormat;

/** Hex and Base64 decoding of file fields, refusing with the field's name and never its value. */
final class Codec {

  private Codec() {
  }

  static byte[] hex(String where, String field, String text) {
    try {
      return HexFormat.of().parseHex(text.strip());
    } catch (IllegalArgumentException e) {
      throw Refused.malformed(where, field + " must be hexadecimal");
    }
  }

  /** Standard or URL-safe Base64, with or without padding; whitespace (as XML wraps it) is ignored. */
  static byte[] base64(String where, String field, String text) {
    String compact = text.replaceAll("\\s+", "");
    try {
      return compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(compact)
          : Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw Refused.malformed(where, field + " must be Base64");
    }
  }
}
