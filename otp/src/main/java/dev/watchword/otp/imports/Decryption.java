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
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The key derivation and decryption that encrypted exports use. Every cost a file states is checked against
 * {@link ImportLimits} before any work is done, so a hostile header cannot demand gigabytes or hours.
 * Decryption failures carry no detail: a bad tag means a wrong key, whatever the cause.
 */
final class Decryption {

  private static final int GCM_TAG_BITS = 128;
  private static final int GCM_TAG_BYTES = GCM_TAG_BITS / 8;

  private Decryption() {
  }

  /**
   * AES-GCM with the tag appended to the ciphertext, as Java and most libraries write it.
   *
   * @return the plaintext, or null when the tag does not verify (wrong key or altered data)
   */
  static byte[] aesGcm(byte[] key, byte[] nonce, byte[] ciphertextAndTag, String where) {
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

  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    Arrays.fill(encoded.array(), (byte) 0);
    return bytes;
  }
}
