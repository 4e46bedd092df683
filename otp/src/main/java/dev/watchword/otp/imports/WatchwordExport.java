package dev.watchword.otp.imports;

import dev.watchword.otp.OtpauthUri;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Watchword's own password-encrypted vault export, version 1: a JSON object
 *
 * <pre>{"watchwordExport": 1,
 *  "kdf": {"algorithm": "argon2id", "memoryKiB": 65536, "iterations": 3, "parallelism": 1, "salt": B64},
 *  "cipher": {"algorithm": "AES-256-GCM", "nonce": B64},
 *  "payload": B64(ciphertext || 16-byte tag)}</pre>
 *
 * The key is Argon2id(UTF-8 password, salt, m, t, p) → 32 bytes; the associated data is the
 * header line {@code watchword-export-v1|argon2id|m|t|p|salt|nonce} (Base64 as in the file), so
 * changing any KDF or cipher parameter makes decryption fail. The plaintext is JSON
 * {@code {"vault": {"name", "client"}, "entries": [{"uri": "otpauth://…"}]}} with every entry's
 * full otpauth URI (Steam Guard as {@code encoder=steam}).
 *
 * <p>Guarantees: the writer never emits the password or a key; the reader checks the stated
 * Argon2 cost against {@link ImportLimits} (in {@link PasswordKey}) before deriving anything, and a wrong password or any
 * altered byte is the same "wrong password" refusal.
 */
public final class WatchwordExport {

  static final String NAME = "Watchword export";
  static final String FORMAT_LABEL = "watchword-export-v1";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private WatchwordExport() {
  }

  /** One vault's entries, encrypted under {@code password}. */
  public static byte[] write(String vaultName, String client, List<OtpauthUri> entries, char[] password,
      SecureRandom random) {
    PasswordKey passwordKey = PasswordKey.fresh(random);
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    ObjectNode plain = MAPPER.createObjectNode();
    plain.putObject("vault").put("name", vaultName).put("client", client);
    ArrayNode list = plain.putArray("entries");
    entries.forEach(uri -> list.addObject().put("uri", uri.toUri()));
    byte[] plaintext = MAPPER.writeValueAsBytes(plain);
    byte[] key = passwordKey.derive(password);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(passwordKey.associatedData(FORMAT_LABEL, b64(nonce)));
      byte[] payload = cipher.doFinal(plaintext);
      ObjectNode file = MAPPER.createObjectNode();
      file.put("watchwordExport", 1);
      passwordKey.writeTo(file.putObject("kdf"));
      file.putObject("cipher").put("algorithm", "AES-256-GCM").put("nonce", b64(nonce));
      file.put("payload", b64(payload));
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  static boolean matches(JsonNode root) {
    return root.isObject() && root.has("watchwordExport");
  }

  static ImportResult read(JsonNode root, char[] password, ImportLimits limits) {
    byte[] plain;
    try {
      plain = decryptPayload(root, password, limits);
    } catch (EntryProblem missingField) {
      throw Refused.malformed("file", missingField.getMessage());
    }
    try {
      JsonNode entries = JsonDocuments.parse(plain, "payload").path("entries");
      if (!entries.isArray()) {
        throw Refused.malformed("payload", "the decrypted export has no entries list");
      }
      EntryCollector collector = new EntryCollector(limits);
      collector.expect(entries.size(), "entries");
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        collector.add("entry " + (i + 1), () -> Candidate.of(OtpauthUri.parse(JsonFields.text(entry, "uri"))));
      }
      return collector.result(ImportFormat.WATCHWORD);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Checks the header, then derives the key and opens the payload; every cheap check comes first. */
  private static byte[] decryptPayload(JsonNode root, char[] password, ImportLimits limits) {
    if (root.path("watchwordExport").asInt(-1) != 1) {
      throw Refused.unsupported("watchwordExport", "only version 1 of the Watchword export is read");
    }
    JsonNode cipher = JsonFields.object(root, "cipher");
    if (!"AES-256-GCM".equals(JsonFields.text(cipher, "algorithm"))) {
      throw Refused.unsupported("cipher", "a Watchword export must use AES-256-GCM");
    }
    PasswordKey passwordKey = PasswordKey.read(root.get("kdf"), limits);
    String nonceText = JsonFields.text(cipher, "nonce");
    byte[] nonce = Codec.base64("cipher", "nonce", nonceText);
    byte[] payload = Codec.base64("payload", "payload", JsonFields.text(root, "payload"));
    if (payload.length > limits.maxDecodedBytes()) {
      throw Refused.limit("payload", "the payload is larger than " + limits.maxDecodedBytes() + " bytes");
    }
    if (nonce.length != 12) {
      throw Refused.malformed("cipher", "the nonce must be 12 bytes");
    }
    if (password == null) {
      throw Refused.passwordRequired(NAME);
    }
    byte[] key = passwordKey.derive(password);
    try {
      byte[] plain = Decryption.aesGcmWithAssociatedData(key, nonce, payload,
          passwordKey.associatedData(FORMAT_LABEL, nonceText), "payload");
      if (plain == null) {
        throw Refused.wrongPassword(NAME);
      }
      return plain;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
