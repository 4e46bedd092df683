package dev.watchword.otp.imports;

import dev.watchword.otp.OtpType;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * Aegis vaults as documented in Aegis' docs/vault.md: {@code {"version": 1, "header": {"slots", "params"},
 * "db"}}. When {@code header.slots} is null the vault is plain and {@code db} is the content object; otherwise
 * {@code db} is the Base64 AES-256-GCM ciphertext of that object under a master key that each slot wraps.
 * Password slots (type 1) derive their wrapping key with scrypt(password, salt, N, r, p, 32 bytes) and unwrap
 * the 32-byte master key with AES-256-GCM ({@code key}, {@code key_params.nonce}, {@code key_params.tag});
 * the content is then decrypted with {@code header.params.nonce} and {@code header.params.tag}.
 * Content entries: {@code type} (totp, hotp, steam), {@code name} (account), {@code issuer} and {@code info}
 * ({@code secret} Base32, {@code algo}, {@code digits}, {@code period}, {@code counter}).
 */
final class AegisVault {

  static final String NAME = "Aegis vault";
  private static final int PASSWORD_SLOT = 1;
  /** Each password slot costs one scrypt run; Aegis itself makes one per password. */
  private static final int MAX_PASSWORD_SLOTS = 4;

  private AegisVault() {
  }

  static boolean matches(JsonNode root) {
    return root.isObject() && root.has("header") && root.has("db");
  }

  static ImportResult read(JsonNode root, char[] password, ImportLimits limits) {
    JsonNode header = root.get("header");
    JsonNode db = root.get("db");
    JsonNode content;
    if (db.isObject()) {
      content = db;
    } else if (db.isString() && header.isObject() && header.path("slots").isArray()) {
      content = JsonDocuments.parse(decrypt(header, db.stringValue(), password, limits), "db");
    } else {
      throw Refused.malformed("db", "db must be the vault object, or a Base64 ciphertext with header.slots");
    }
    JsonNode entries = content.get("entries");
    if (entries == null || !entries.isArray()) {
      throw Refused.malformed("db.entries", "the vault has no entries list");
    }
    EntryCollector collector = new EntryCollector(limits);
    collector.expect(entries.size(), "db.entries");
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      collector.add("entry " + (i + 1), () -> candidate(entry));
    }
    return collector.result(ImportFormat.AEGIS);
  }

  private static Candidate candidate(JsonNode entry) {
    if (!entry.isObject()) {
      throw new EntryProblem("entry must be a JSON object");
    }
    Candidate candidate = new Candidate();
    candidate.type = type(entry);
    candidate.account = JsonFields.text(entry, "name");
    candidate.issuer = JsonFields.text(entry, "issuer");
    JsonNode info = JsonFields.object(entry, "info");
    candidate.algorithm = JsonFields.algorithm(info, "algo");
    candidate.digits = JsonFields.integer(info, "digits", candidate.digits);
    candidate.period = JsonFields.integer(info, "period", candidate.period);
    candidate.counter = JsonFields.longInteger(info, "counter", 0);
    candidate.secret = JsonFields.base32(info, "secret");
    return candidate;
  }

  private static OtpType type(JsonNode entry) {
    String type = JsonFields.text(entry, "type");
    if (type.isEmpty()) {
      throw new EntryProblem("type must be totp, hotp or steam");
    }
    if ("yandex".equalsIgnoreCase(type) || "motp".equalsIgnoreCase(type)) {
      throw new EntryProblem("type " + type.toLowerCase(java.util.Locale.ROOT)
          + " is not supported; only totp, hotp and steam are");
    }
    return JsonFields.type(entry, "type", true);
  }

  private static byte[] decrypt(JsonNode header, String db, char[] password, ImportLimits limits) {
    if (password == null) {
      throw Refused.passwordRequired(NAME);
    }
    // every cheap check before the costly scrypt
    JsonNode params = header.get("params");
    if (params == null || !params.isObject()) {
      throw Refused.malformed("header.params", "an encrypted vault needs header.params with nonce and tag");
    }
    byte[] nonce = hexField(params, "nonce", "header.params");
    byte[] tag = hexField(params, "tag", "header.params");
    byte[] ciphertext = Codec.base64("db", "db", db);
    if (ciphertext.length > limits.maxDecodedBytes()) {
      throw Refused.limit("db", "the encrypted vault is larger than " + limits.maxDecodedBytes() + " bytes");
    }
    byte[] masterKey = unwrapMasterKey(header.get("slots"), password, limits);
    try {
      byte[] plain = Decryption.aesGcm(masterKey, nonce, ciphertext, tag, "db");
      if (plain == null) {
        throw Refused.malformed("db", "the vault content does not match its authentication tag; the file was altered");
      }
      return plain;
    } finally {
      Arrays.fill(masterKey, (byte) 0);
    }
  }

  /** Tries each password slot in order; the first whose tag verifies holds the master key. */
  private static byte[] unwrapMasterKey(JsonNode slots, char[] password, ImportLimits limits) {
    int tried = 0;
    for (int i = 0; i < slots.size(); i++) {
      JsonNode slot = slots.get(i);
      if (!slot.isObject() || slot.path("type").asInt(-1) != PASSWORD_SLOT) {
        continue;
      }
      if (++tried > MAX_PASSWORD_SLOTS) {
        throw Refused.limit("header.slots", "the vault has more than " + MAX_PASSWORD_SLOTS + " password slots");
      }
      String where = "header.slots[" + i + "]";
      JsonNode keyParams = slot.get("key_params");
      if (keyParams == null || !keyParams.isObject()) {
        throw Refused.malformed(where, "a password slot needs key_params with nonce and tag");
      }
      byte[] keyNonce = hexField(keyParams, "nonce", where);
      byte[] wrappedKey = hexField(slot, "key", where);
      byte[] keyTag = hexField(keyParams, "tag", where);
      byte[] derived = Decryption.scrypt(password, hexField(slot, "salt", where), number(slot, "n", where),
          number(slot, "r", where), number(slot, "p", where), 32, limits, where);
      try {
        byte[] masterKey = Decryption.aesGcm(derived, keyNonce, wrappedKey, keyTag, where);
        if (masterKey != null) {
          return masterKey;
        }
      } finally {
        Arrays.fill(derived, (byte) 0);
      }
    }
    if (tried == 0) {
      throw Refused.unsupported("header.slots", "the vault has no password slot (only biometric or raw keys)");
    }
    throw Refused.wrongPassword(NAME);
  }

  private static byte[] hexField(JsonNode object, String name, String where) {
    JsonNode value = object.get(name);
    if (value == null || !value.isString()) {
      throw Refused.malformed(where, name + " must be a hexadecimal string");
    }
    return Codec.hex(where, name, value.stringValue());
  }

  private static long number(JsonNode object, String name, String where) {
    JsonNode value = object.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw Refused.malformed(where, name + " must be a whole number");
    }
    return value.longValue();
  }
}
