package dev.watchword.otp;

import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP, the HMAC-based one-time password of RFC 4226.
 *
 * <p>Guarantees: {@link #generate} MUST NOT return null, returns exactly {@code digits} ASCII decimal
 * digits (zero-padded), never copies the key anywhere but into the JCA {@link Mac}, and never includes it
 * in an exception. Thread-safe.
 */
public final class Hotp {

  private static final long[] POWERS_OF_TEN = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
    10_000_000_000L,
  };

  /**
   * {@code Mac.getInstance} walks the provider list on every call, so each thread keeps one Mac per
   * algorithm and re-keys it per code. The last key stays inside that thread's Mac until the next call.
   */
  private static final Map<HmacAlgorithm, ThreadLocal<Mac>> MACS = new EnumMap<>(HmacAlgorithm.class);

  static {
    for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
      MACS.put(algorithm, ThreadLocal.withInitial(() -> newMac(algorithm)));
    }
  }

  private Hotp() {
  }

  /**
   * HOTP(K, C) truncated to {@code digits} decimal digits (RFC 4226 §5.3).
   *
   * @param algorithm the HMAC hash; RFC 4226 uses SHA1, RFC 6238 §1.2 adds SHA256 and SHA512
   * @param key       the shared secret K; not modified and not retained by this class
   * @param counter   the moving factor C, zero or more
   * @param digits    6 to 10; with 10 digits the 31-bit truncated value is below 10^10, so the code
   *                  is that value zero-padded
   * @throws OtpFormatException naming "algorithm", "secret", "counter" or "digits" when one is invalid
   */
  public static String generate(HmacAlgorithm algorithm, byte[] key, long counter, int digits) {
    OtpParameters.checkDigits(digits);
    // truncatedValue checks the algorithm, the key and the counter
    return zeroPadded(truncatedValue(algorithm, key, counter) % POWERS_OF_TEN[digits], digits);
  }

  /**
   * The 31-bit value Snum of RFC 4226 §5.3 steps 1 and 2, before any reduction to digits; Steam Guard
   * encodes this same value differently.
   *
   * @throws OtpFormatException naming "algorithm", "secret" or "counter" when one is invalid
   */
  static int truncatedValue(HmacAlgorithm algorithm, byte[] key, long counter) {
    if (algorithm == null) {
      throw new OtpFormatException("algorithm", "algorithm is required: SHA1, SHA256 or SHA512");
    }
    if (key == null || key.length == 0) {
      throw new OtpFormatException("secret", "secret must not be empty");
    }
    OtpParameters.checkCounter(counter);
    return dynamicTruncation(hmac(algorithm, key, counter));
  }

  /** RFC 4226 §5.3 step 1: HS = HMAC(K, C), with C as 8 big-endian bytes (§5.1). */
  private static byte[] hmac(HmacAlgorithm algorithm, byte[] key, long counter) {
    Mac mac = MACS.get(algorithm).get();
    try {
      mac.init(new SecretKeySpec(key, algorithm.jcaName()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JCA provider refused an HMAC key", e);
    }
    for (int shift = 56; shift >= 0; shift -= 8) {
      mac.update((byte) (counter >>> shift));
    }
    return mac.doFinal();
  }

  /** RFC 4226 §5.3 step 2: the low 4 bits of the last byte pick where 31 bits are read. */
  static int dynamicTruncation(byte[] hmac) {
    int offset = hmac[hmac.length - 1] & 0x0f;
    return (hmac[offset] & 0x7f) << 24
        | (hmac[offset + 1] & 0xff) << 16
        | (hmac[offset + 2] & 0xff) << 8
        | (hmac[offset + 3] & 0xff);
  }

  /** RFC 4226 §5.3 step 3 prints the value mod 10^Digit with leading zeros kept. */
  private static String zeroPadded(long value, int digits) {
    char[] code = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      code[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return new String(code);
  }

  private static Mac newMac(HmacAlgorithm algorithm) {
    try {
      return Mac.getInstance(algorithm.jcaName());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks " + algorithm.jcaName() + ", which every Java SE must provide", e);
    }
  }
}
