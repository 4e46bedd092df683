package dev.watchword.otp.imports;

import dev.watchword.otp.Secret;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * FreeOTP+ JSON backups: {@code {"tokenOrder": ["issuer:label", ...], "tokens": [...]}}. A token has
 * {@code secret} as an array of signed bytes (Java's byte type, -128 to 127), {@code issuerExt} (the issuer;
 * {@code issuerInt} when that is empty), {@code label} (the account), {@code algo}, {@code digits},
 * {@code period}, {@code counter} and {@code type} (TOTP or HOTP). Positions follow the tokens array.
 */
final class FreeOtpPlusBackup {

  private FreeOtpPlusBackup() {
  }

  static boolean matches(JsonNode root) {
    return root.isObject() && root.path("tokens").isArray();
  }

  static ImportResult read(JsonNode root, ImportLimits limits) {
    JsonNode tokens = root.get("tokens");
    EntryCollector collector = new EntryCollector(limits);
    collector.expect(tokens.size(), "tokens");
    for (int i = 0; i < tokens.size(); i++) {
      JsonNode token = tokens.get(i);
      collector.add("entry " + (i + 1), () -> candidate(token));
    }
    return collector.result(ImportFormat.FREE_OTP_PLUS);
  }

  private static Candidate candidate(JsonNode token) {
    if (!token.isObject()) {
      throw new EntryProblem("entry must be a JSON object");
    }
    Candidate candidate = new Candidate();
    candidate.type = JsonFields.type(token, "type", false);
    String issuer = JsonFields.text(token, "issuerExt");
    candidate.issuer = issuer.isBlank() ? JsonFields.text(token, "issuerInt") : issuer;
    candidate.account = JsonFields.text(token, "label");
    candidate.algorithm = JsonFields.algorithm(token, "algo");
    candidate.digits = JsonFields.integer(token, "digits", candidate.digits);
    candidate.period = JsonFields.integer(token, "period", candidate.period);
    candidate.counter = JsonFields.longInteger(token, "counter", 0);
    candidate.secret = signedBytes(token.get("secret"));
    return candidate;
  }

  private static Secret signedBytes(JsonNode secret) {
    if (secret == null || !secret.isArray()) {
      throw new EntryProblem("secret must be an array of bytes");
    }
    if (secret.size() == 0 || secret.size() > Secret.MAX_LENGTH) {
      throw new EntryProblem("secret must have 1 to " + Secret.MAX_LENGTH + " bytes");
    }
    byte[] bytes = new byte[secret.size()];
    try {
      for (int i = 0; i < bytes.length; i++) {
        JsonNode value = secret.get(i);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < -128 || value.intValue() > 255) {
          throw new EntryProblem("secret must be an array of bytes from -128 to 127");
        }
        bytes[i] = (byte) value.intValue();
      }
      return Secret.ofBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
