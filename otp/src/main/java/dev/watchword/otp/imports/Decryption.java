package dev.watchword.otp.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The key derivation and decryption that encrypted exports use. Every cost a file states is checked against
 * {@link ImportLimits} before any work is done, so a hostile header cannot demand gigabytes or hours.
 * Decryption failures carry no detail: a bad tag means a wrong key, whatever the cause.
 */
final class Decryption {

  private static final int GCM_TAG_BITS = 128;
  private static final int GCM_TAG_BYTES = GCM_TAG_BITS / 8;
  private static final int MAX_ARGON2_ITERATIONS = 10;
  private static final int MAX_ARGON2_PARALLELISM = 4;

  private Decryption() {
  }

  /**
   * AES-GCM with the tag appended to the ciphertext, as Java and most libraries write it.
   *
   * @return the plaintext, or null when the tag does not verify (wrong key or altered data)
   */
  static byte[] aesGcm(byte[] key, byte[] nonce, byte[] ciphertextAndTag, String where) {
    return aesGcmWithAssociatedData(key, nonce, ciphertextAndTag, null, where);
  }

  /** AES-GCM with the tag appended and {@code associatedData} (may be null) authenticated with it. */
  static byte[] aesGcmWithAssociatedData(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData,
      String where) {
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw Refused.malformed(where, "the AES key has an invalid length");
    }
    if (nonce.length < 8 || nonce.length > 64) {
      throw Refused.malformed(where, "the AES-GCM nonce has an invalid length");
    }
    if (ciphertextAndTag.length < GCM_TAG_BYTES) {
      throw Refused.malformed(where, "the ciphertext is shorter than its authentication tag");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_BITS, nonce));
      if (associatedData != null) {
        cipher.updateAAD(associatedData);
      }
      return cipher.doFinal(ciphertextAndTag);
    } catch (AEADBadTagException wrongKey) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot run AES-GCM, which every Java SE must provide", e);
    }
  }

  /** Ciphertext and tag stored apart, as Aegis does. */
  static byte[] aesGcm(byte[] key, byte[] nonce, byte[] ciphertext, byte[] tag, String where) {
    if (tag.length != GCM_TAG_BYTES) {
      throw Refused.malformed(where, "the AES-GCM tag must be 16 bytes");
    }
    byte[] joined = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
    System.arraycopy(tag, 0, joined, ciphertext.length, tag.length);
    return aesGcm(key, nonce, joined, where);
  }

  /** AES-CBC without padding removal (callers strip the padding of their own spec). */
  static byte[] aesCbc(byte[] key, byte[] iv, byte[] ciphertext, String where) {
    if (ciphertext.length == 0 || ciphertext.length % 16 != 0 || iv.length != 16) {
      throw Refused.malformed(where, "the AES-CBC ciphertext is not a whole number of blocks");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new javax.crypto.spec.IvParameterSpec(iv));
      return cipher.doFinal(ciphertext);
    } catch (GeneralSecurityException e) {
      throw Refused.malformed(where, "the AES-CBC ciphertext cannot be decrypted");
    }
  }

  /**
   * scrypt (RFC 7914) after checking N, r*p and the working memory 128 * N * r against the limits.
   *
   * @throws ImportFormatException LIMIT_EXCEEDED or MALFORMED naming {@code where}
   */
  static byte[] scrypt(char[] password, byte[] salt, long n, long r, long p, int keyBytes,
      ImportLimits limits, String where) {
    if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1) {
      throw Refused.malformed(where, "scrypt needs N a power of two above 1 and r, p of at least 1");
    }
    int maxRTimesP = limits.maxScryptRTimesP();
    // r and p are bounded first, so neither product below can overflow.
    if (n > limits.maxScryptN() || r > maxRTimesP || p > maxRTimesP || r * p > maxRTimesP
        || 128 * n * r > limits.maxScryptMemoryBytes()) {
      throw Refused.limit(where, "the scrypt cost exceeds the limit (N at most " + limits.maxScryptN()
          + ", r*p at most " + limits.maxScryptRTimesP() + ", memory at most "
          + limits.maxScryptMemoryBytes() / (1024 * 1024) + " MiB)");
    }
    byte[] passwordBytes = utf8(password);
    try {
      return SCrypt.generate(passwordBytes, salt, (int) n, (int) r, (int) p, keyBytes);
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  /**
   * PBKDF2 (RFC 8018 §5.2) with the given HMAC, after checking the iteration count against the limits. The JDK
   * encodes the password as UTF-8, as the apps do.
   */
  static byte[] pbkdf2(char[] password, byte[] salt, long iterations, int keyBytes, String hmac,
      ImportLimits limits, String where) {
    if (iterations < 1 || keyBytes < 1 || keyBytes > 64 || salt.length == 0) {
      throw Refused.malformed(where, "PBKDF2 needs a salt, at least one iteration and a key of 1 to 64 bytes");
    }
    if (iterations > limits.maxPbkdf2Iterations()) {
      throw Refused.limit(where, "the PBKDF2 iteration count exceeds the limit of " + limits.maxPbkdf2Iterations());
    }
    PBEKeySpec spec = new PBEKeySpec(password, salt, (int) iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2With" + hmac).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks PBKDF2With" + hmac, e);
    } finally {
      spec.clearPassword();
    }
  }

  /**
   * Checks an Argon2id cost a file states: the memory against the limit shared with scrypt, the
   * passes and lanes against small bounds.
   *
   * @throws ImportFormatException LIMIT_EXCEEDED naming {@code where}
   */
  static void checkArgon2idCost(long memoryKiB, long iterations, long parallelism, ImportLimits limits,
      String where) {
    if (memoryKiB < 8 || memoryKiB * 1024 > limits.maxScryptMemoryBytes() || iterations < 1
        || iterations > MAX_ARGON2_ITERATIONS || parallelism < 1 || parallelism > MAX_ARGON2_PARALLELISM) {
      throw Refused.limit(where, "the Argon2id cost is outside what is accepted (memory up to "
          + limits.maxScryptMemoryBytes() / 1024 + " KiB, iterations 1-" + MAX_ARGON2_ITERATIONS
          + ", parallelism 1-" + MAX_ARGON2_PARALLELISM + ")");
    }
  }

  /** Argon2id (RFC 9106, version 0x13) for parameters already checked or chosen by Watchword; 32 bytes. */
  static byte[] argon2id(char[] password, byte[] salt, int memoryKiB, int iterations, int parallelism) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withSalt(salt).withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13).build());
    byte[] key = new byte[32];
    byte[] passwordBytes = utf8(password);
    try {
      generator.generateBytes(passwordBytes, key);
      return key;
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    Arrays.fill(encoded.array(), (byte) 0);
    return bytes;
  }
}
