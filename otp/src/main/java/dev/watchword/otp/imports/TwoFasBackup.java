package dev.watchword.otp.imports;

import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * 2FAS backups ({@code *.2fas}): {@code {"services": [...], "groups", "schemaVersion", "appOrigin", ...}}. When
 * encrypted, {@code services} is empty and {@code servicesEncrypted} holds three Base64 fields joined by ':':
 * ciphertext with its 16-byte GCM tag appended, salt, and IV. The key is PBKDF2-HMAC-SHA256(password, salt,
 * 10,000 iterations, 32 bytes) and the cipher AES-256-GCM; the plaintext is the JSON services array.
 * A service has {@code name}, {@code secret} (Base32) and {@code otp} with {@code issuer}, {@code account} (or
 * {@code label}), {@code tokenType} (TOTP, HOTP, STEAM), {@code algorithm}, {@code digits}, {@code period} and
 * {@code counter}.
 */
final class TwoFasBackup {

  static final String NAME = "2FAS backup";
  private static final int PBKDF2_ITERATIONS = 10_000;

  private TwoFasBackup() {
  }

  static boolean matches(JsonNode root) {
    return root.isObject() && (root.has("servicesEncrypted") || (root.has("services") && root.has("schemaVersion")));
  }

  static ImportResult read(JsonNode root, char[] password, ImportLimits limits) {
    JsonNode encrypted = root.get("servicesEncrypted");
    JsonNode services = encrypted != null && encrypted.isString() && !encrypted.stringValue().isEmpty()
        ? JsonDocuments.parse(decrypt(encrypted.stringValue(), password, limits), "servicesEncrypted")
        : root.get("services");
    if (services == null || !services.isArray()) {
      throw Refused.malformed("services", "the backup has no services list");
    }
    EntryCollector collector = new EntryCollector(limits);
    collector.expect(services.size(), "services");
    for (int i = 0; i < services.size(); i++) {
      JsonNode service = services.get(i);
      collector.add("entry " + (i + 1), () -> candidate(service));
    }
    return collector.result(ImportFormat.TWO_FAS);
  }

  private static Candidate candidate(JsonNode service) {
    if (!service.isObject()) {
      throw new EntryProblem("entry must be a JSON object");
    }
    JsonNode otp = JsonFields.object(service, "otp");
    Candidate candidate = new Candidate();
    candidate.type = JsonFields.type(otp, "tokenType", true);
    String issuer = JsonFields.text(otp, "issuer");
    candidate.issuer = issuer.isBlank() ? JsonFields.text(service, "name") : issuer;
    String account = JsonFields.text(otp, "account");
    candidate.account = account.isBlank() ? JsonFields.text(otp, "label") : account;
    candidate.algorithm = JsonFields.algorithm(otp, "algorithm");
    candidate.digits = JsonFields.integer(otp, "digits", candidate.digits);
    candidate.period = JsonFields.integer(otp, "period", candidate.period);
    candidate.counter = JsonFields.longInteger(otp, "counter", 0);
    candidate.secret = JsonFields.base32(service, "secret");
    return candidate;
  }

  private static byte[] decrypt(String servicesEncrypted, char[] password, ImportLimits limits) {
    if (password == null) {
      throw Refused.passwordRequired(NAME);
    }
    String where = "servicesEncrypted";
    String[] fields = servicesEncrypted.split(":", -1);
    if (fields.length != 3) {
      throw Refused.malformed(where, "servicesEncrypted must be three Base64 fields joined by ':'");
    }
    byte[] ciphertext = Codec.base64(where, "ciphertext", fields[0]);
    if (ciphertext.length > limits.maxDecodedBytes()) {
      throw Refused.limit(where, "the encrypted services are larger than " + limits.maxDecodedBytes() + " bytes");
    }
    byte[] salt = Codec.base64(where, "salt", fields[1]);
    byte[] iv = Codec.base64(where, "iv", fields[2]);
    byte[] key = Decryption.pbkdf2(password, salt, PBKDF2_ITERATIONS, 32, "HmacSHA256", limits, where);
    try {
      byte[] plain = Decryption.aesGcm(key, iv, ciphertext, where);
      if (plain == null) {
        throw Refused.wrongPassword(NAME);
      }
      return plain;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
