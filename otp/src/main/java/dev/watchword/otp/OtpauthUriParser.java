package dev.watchword.otp;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code otpauth://TYPE/LABEL?PARAMETERS} by hand rather than through {@link java.net.URI}, whose
 * exceptions quote the input (and with it the secret) and whose decoding rules differ from the Key URI format.
 */
final class OtpauthUriParser {

  private static final String SCHEME = "otpauth://";
  private static final String[] KNOWN_PARAMETERS =
      {"secret", "issuer", "algorithm", "digits", "period", "counter", "encoder"};
  private static final String STEAM = "steam";

  private OtpauthUriParser() {
  }

  static OtpauthUri parse(String uri) {
    checkEnvelope(uri);
    // RFC 3986 §3.5: a fragment is not part of the query; nothing in the Key URI format uses it.
    int fragment = uri.indexOf('#');
    int end = fragment >= 0 ? fragment : uri.length();
    int queryStart = indexOf(uri, '?', SCHEME.length(), end);
    int pathStart = indexOf(uri, '/', SCHEME.length(), queryStart);

    String host = uri.substring(SCHEME.length(), pathStart);
    // Aegis writes Steam Guard entries as otpauth://steam/...; no OATH type is spelled that way.
    OtpType type = Ascii.equalsIgnoreCase(STEAM, host) ? OtpType.STEAM : OtpType.parse(host);
    if (pathStart == queryStart) {
      throw new OtpFormatException("label", "label is required: otpauth://" + type.lowerName() + "/ISSUER:ACCOUNT?secret=...");
    }
    String label = PercentCoding.decode(uri.substring(pathStart + 1, queryStart), "label");
    Map<String, String> query = queryParameters(uri.substring(Math.min(queryStart + 1, end), end));

    int separator = label.indexOf(':');
    String labelIssuer = separator >= 0 ? label.substring(0, separator) : "";
    String account = label.substring(separator + 1);
    String issuer = query.getOrDefault("issuer", "");
    // Key URI format: the issuer parameter is authoritative; the label prefix is the legacy fallback.
    if (issuer.chars().allMatch(c -> c == ' ')) {
      issuer = labelIssuer;
    }
    if (type == OtpType.TOTP && isSteam(query, issuer)) {
      type = OtpType.STEAM;
    }
    OtpParameters parameters = parameters(type, query);
    Secret secret = Secret.fromBase32(required(query, "secret", "secret is required: the Base32 seed"));
    try {
      return new OtpauthUri(type, issuer, account, secret, parameters);
    } catch (OtpFormatException refused) {
      secret.destroy();
      throw refused;
    }
  }

  private static void checkEnvelope(String uri) {
    if (uri == null) {
      throw new OtpFormatException("uri", "uri is required");
    }
    if (uri.length() > OtpauthUri.MAX_URI_LENGTH) {
      throw new OtpFormatException("uri", "uri must be at most 4096 characters");
    }
    if (uri.chars().anyMatch(Character::isISOControl)) {
      throw new OtpFormatException("uri", "uri must not contain control characters");
    }
    if (uri.length() < SCHEME.length() || !Ascii.equalsIgnoreCase(SCHEME, uri.substring(0, SCHEME.length()))) {
      throw new OtpFormatException("uri", "uri must start with otpauth://");
    }
  }

  /**
   * KeePassXC and others mark Steam Guard with {@code encoder=steam}; some apps only write issuer Steam with
   * digits=5, which no OATH TOTP allows (RFC 4226 §5.3 requires at least 6). Any other encoder is refused,
   * since reading it as plain TOTP would yield codes the issuer does not accept.
   */
  private static boolean isSteam(Map<String, String> query, String issuer) {
    String encoder = query.get("encoder");
    if (encoder != null) {
      if (!Ascii.equalsIgnoreCase(STEAM, encoder)) {
        throw new OtpFormatException("encoder", "encoder must be steam when present");
      }
      return true;
    }
    return Ascii.equalsIgnoreCase(STEAM, issuer.strip()) && "5".equals(query.get("digits"));
  }

  /**
   * Algorithm, digits, and the period or (HOTP) the counter. Steam Guard defaults to 5 characters;
   * values given for it must agree with SHA1 and 5, which {@link OtpParameters} checks.
   */
  private static OtpParameters parameters(OtpType type, Map<String, String> query) {
    HmacAlgorithm algorithm = query.containsKey("algorithm")
        ? HmacAlgorithm.parse(query.get("algorithm"))
        : HmacAlgorithm.SHA1;
    int digits = query.containsKey("digits")
        ? (int) decimal(query.get("digits"), "digits", OtpParameters.MAX_DIGITS, OtpParameters.DIGITS_RULE)
        : type == OtpType.STEAM ? OtpParameters.STEAM_DIGITS : OtpParameters.DEFAULT_DIGITS;
    if (type == OtpType.HOTP) {
      // Key URI format: "counter - REQUIRED if type is hotp"; guessing 0 would desynchronise the token.
      String counter = required(query, "counter", "counter is required for hotp");
      return OtpParameters.hotp(algorithm, digits,
          decimal(counter, "counter", Long.MAX_VALUE, OtpParameters.COUNTER_RULE));
    }
    int period = query.containsKey("period")
        ? (int) decimal(query.get("period"), "period", OtpParameters.MAX_PERIOD, OtpParameters.PERIOD_RULE)
        : OtpParameters.DEFAULT_PERIOD;
    return new OtpParameters(type, algorithm, digits, period, 0);
  }

  /**
   * Splits on '&' and decodes the values of known parameters. Names match ASCII case-insensitively;
   * unknown parameters (e.g. FreeOTP's "image") are skipped undecoded; a known one given twice is refused,
   * since picking either copy could yield codes the user's other devices do not produce.
   */
  private static Map<String, String> queryParameters(String query) {
    Map<String, String> known = new HashMap<>();
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = canonicalName(equals >= 0 ? pair.substring(0, equals) : pair);
      if (name == null) {
        continue;
      }
      String value = PercentCoding.decode(equals >= 0 ? pair.substring(equals + 1) : "", name);
      if (known.putIfAbsent(name, value) != null) {
        throw new OtpFormatException(name, name + " must appear at most once");
      }
    }
    return known;
  }

  private static String canonicalName(String name) {
    for (String known : KNOWN_PARAMETERS) {
      if (Ascii.equalsIgnoreCase(known, name)) {
        return known;
      }
    }
    return null;
  }

  private static String required(Map<String, String> query, String name, String message) {
    String value = query.get(name);
    if (value == null) {
      throw new OtpFormatException(name, message);
    }
    return value;
  }

  /** An unsigned ASCII decimal no greater than {@code max}; lower bounds are left to {@link OtpParameters}. */
  private static long decimal(String value, String name, long max, String rule) {
    if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(c -> Ascii.isDigit((char) c))) {
      throw new OtpFormatException(name, rule);
    }
    try {
      long number = Long.parseLong(value);
      if (number <= max) {
        return number;
      }
    } catch (NumberFormatException beyondLong) {
      // 19 digits can exceed Long.MAX_VALUE; refused below like any other out-of-range value.
    }
    throw new OtpFormatException(name, rule);
  }

  private static int indexOf(String text, char c, int from, int end) {
    int index = text.indexOf(c, from);
    return index >= 0 && index < end ? index : end;
  }
}
