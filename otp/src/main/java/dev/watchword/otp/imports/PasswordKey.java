package dev.watchword.otp.imports;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Argon2id key of Watchword's own password-encrypted files (a vault export, an installation
 * backup) and the {@code "kdf"} header object that states its cost:
 * {@code {"algorithm": "argon2id", "memoryKiB": m, "iterations": t, "parallelism": p, "salt": B64}}.
 *
 * <p>Guarantees: {@link #read} checks the stated cost against {@link ImportLimits} (memory as
 * scrypt's, at most 10 passes and 4 lanes) and the salt's length before anything is derived, so a
 * hostile header costs nothing; {@link #associatedData} repeats every parameter (the salt's Base64
 * exactly as in the file), so a file whose header was weakened does not decrypt; no method
 * returns or prints the password.
 */
public final class PasswordKey {

  /** 64 MiB, 3 passes, 1 lane: OWASP's Argon2id baseline with a margin, about 0.2 s on a laptop. */
  static final int MEMORY_KIB = 64 * 1024;
  static final int ITERATIONS = 3;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int MIN_SALT_BYTES = 8;

  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;
  private final String salt;

  private PasswordKey(int memoryKiB, int iterations, int parallelism, String salt) {
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.salt = salt;
  }

  /** The cost Watchword writes, with a fresh 16-byte salt. */
  public static PasswordKey fresh(SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new PasswordKey(MEMORY_KIB, ITERATIONS, PARALLELISM, Base64.getEncoder().encodeToString(salt));
  }

  /**
   * The header object {@code kdf}, checked: argon2id, a cost within {@code limits}, a salt of at
   * least 8 bytes.
   *
   * @throws ImportFormatException naming {@code "kdf"}: UNSUPPORTED for another algorithm,
   *     LIMIT_EXCEEDED for a cost beyond the limits, MALFORMED for a missing or mistyped field
   */
  public static PasswordKey read(JsonNode kdf, ImportLimits limits) {
    try {
      if (kdf == null || !kdf.isObject()) {
        throw Refused.malformed("kdf", "kdf must be a JSON object");
      }
      if (!"argon2id".equals(JsonFields.text(kdf, "algorithm"))) {
        throw Refused.unsupported("kdf", "the key must be derived with argon2id");
      }
      PasswordKey key = new PasswordKey(JsonFields.integer(kdf, "memoryKiB", -1),
          JsonFields.integer(kdf, "iterations", -1), JsonFields.integer(kdf, "parallelism", -1),
          JsonFields.text(kdf, "salt"));
      Decryption.checkArgon2idCost(key.memoryKiB, key.iterations, key.parallelism, limits, "kdf");
      if (key.saltBytes().length < MIN_SALT_BYTES) {
        throw Refused.malformed("kdf", "the salt must be at least " + MIN_SALT_BYTES + " bytes");
      }
      return key;
    } catch (EntryProblem mistyped) {
      throw Refused.malformed("kdf", mistyped.getMessage());
    }
  }

  /** Writes this key's parameters into {@code kdf} and returns it. */
  public ObjectNode writeTo(ObjectNode kdf) {
    return kdf.put("algorithm", "argon2id").put("memoryKiB", memoryKiB).put("iterations", iterations)
        .put("parallelism", parallelism).put("salt", salt);
  }

  /** Argon2id (RFC 9106, version 0x13) of the UTF-8 password: 32 bytes that the caller MUST zero after use. */
  public byte[] derive(char[] password) {
    return Decryption.argon2id(password, saltBytes(), memoryKiB, iterations, parallelism);
  }

  /** {@code argon2id|m|t|p|salt}, the salt's Base64 exactly as in the file, for a file's associated data. */
  private String associatedData() {
    return "argon2id|" + memoryKiB + "|" + iterations + "|" + parallelism + "|" + salt;
  }

  /** {@code associatedData()} as ASCII bytes after {@code prefix} and before {@code suffix}, joined by '|'. */
  byte[] associatedData(String prefix, String suffix) {
    return (prefix + "|" + associatedData() + "|" + suffix).getBytes(StandardCharsets.US_ASCII);
  }

  private byte[] saltBytes() {
    return Codec.base64("kdf", "salt", salt);
  }

  /** The cost only: the salt is not secret, but a key's description has no use for it. */
  @Override
  public String toString() {
    return "PasswordKey[argon2id, memoryKiB=" + memoryKiB + ", iterations=" + iterations + ", parallelism="
        + parallelism + "]";
  }
}
