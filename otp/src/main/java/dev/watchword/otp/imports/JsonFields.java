package dev.watchword.otp.imports;

import dev.watchword.otp.OtpFormatException;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.Secret;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of one JSON entry. A missing or null field takes the given default; a field of the wrong JSON
 * type is an {@link EntryProblem} naming the field, never quoting its value.
 */
final class JsonFields {

  private JsonFields() {
  }

  static String text(JsonNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isString()) {
      throw new EntryProblem(name + " must be a JSON string");
    }
    return value.stringValue();
  }

  static int integer(JsonNode object, String name, int defaultValue) {
    long value = longInteger(object, name, defaultValue);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new EntryProblem(name + " is out of range");
    }
    return (int) value;
  }

  /** Integral JSON numbers, and decimal strings as some exporters write them. */
  static long longInteger(JsonNode object, String name, long defaultValue) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isString() && value.stringValue().matches("-?[0-9]{1,18}")) {
      return Long.parseLong(value.stringValue());
    }
    throw new EntryProblem(name + " must be a whole number");
  }

  static HmacAlgorithm algorithm(JsonNode object, String name) {
    String value = text(object, name);
    return value.isEmpty() ? HmacAlgorithm.SHA1 : HmacAlgorithm.parse(value);
  }

  static Secret base32(JsonNode object, String name) {
    String value = text(object, name);
    if (value.isEmpty()) {
      throw new EntryProblem(name + " is missing");
    }
    return Secret.fromBase32(value);
  }

  /** The object field {@code name}, or an {@link EntryProblem} when absent or not an object. */
  static JsonNode object(JsonNode parent, String name) {
    JsonNode value = parent.get(name);
    if (value == null || !value.isObject()) {
      throw new EntryProblem(name + " must be a JSON object");
    }
    return value;
  }

  /**
   * An OTP type named in {@code name}: empty means TOTP; otherwise totp, hotp or (when the app has
   * it) steam, in any ASCII case (never locale case folding, which maps look-alike letters).
   *
   * @throws EntryProblem naming the field and what it may be
   */
  static OtpType type(JsonNode object, String name, boolean steam) {
    String value = text(object, name);
    if (value.isEmpty()) {
      return OtpType.TOTP;
    }
    try {
      OtpType type = OtpType.parseIncludingSteam(value);
      if (type != OtpType.STEAM || steam) {
        return type;
      }
    } catch (OtpFormatException unknown) {
      // answered below, in this format's words
    }
    throw new EntryProblem(name + (steam ? " must be TOTP, HOTP or STEAM" : " must be TOTP or HOTP"));
  }
}
