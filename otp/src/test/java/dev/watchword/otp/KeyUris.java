package dev.watchword.otp;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds otpauth URI strings for tests: {@code KeyUris.totp().with("digits", "8").build()}. */
final class KeyUris {

  static final String SECRET = "JBSWY3DPEHPK3PXP";

  private final String type;
  private String label = "Example:alice@example.com";
  private final Map<String, String> query = new LinkedHashMap<>();

  private KeyUris(String type) {
    this.type = type;
    query.put("secret", SECRET);
    query.put("issuer", "Example");
  }

  static KeyUris totp() {
    return new KeyUris("totp");
  }

  static KeyUris hotp() {
    return new KeyUris("hotp").with("counter", "0");
  }

  KeyUris label(String rawLabel) {
    this.label = rawLabel;
    return this;
  }

  /** Sets a raw (already percent-encoded) query parameter, replacing an earlier value. */
  KeyUris with(String name, String rawValue) {
    query.put(name, rawValue);
    return this;
  }

  KeyUris without(String name) {
    query.remove(name);
    return this;
  }

  String build() {
    StringBuilder uri = new StringBuilder("otpauth://").append(type).append('/').append(label);
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      uri.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
      separator = '&';
    }
    return uri.toString();
  }
}
