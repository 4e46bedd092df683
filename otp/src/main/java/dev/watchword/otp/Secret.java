package dev.watchword.otp;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The shared seed K of an HOTP or TOTP credential (RFC 4226 §5.1).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #toString()} never reveals the seed: it always returns {@code "Secret[redacted]"};</li>
 *   <li>every refusal is an {@link OtpFormatException} with parameter "secret" whose message contains
 *       neither the seed nor any character of the refused input;</li>
 *   <li>{@link #bytes()} returns a fresh copy, and {@link #ofBytes} copies its argument, so no caller
 *       shares this instance's array;</li>
 *   <li>{@link #equals} compares in constant time and {@link #hashCode} depends on the length only,
 *       so neither leaks seed-derived values;</li>
 *   <li>a seed is 1 to {@value #MAX_LENGTH} bytes long;</li>
 *   <li>after {@link #destroy()} the seed bytes are zero and reading them throws {@link IllegalStateException}.</li>
 * </ul>
 * Immutable and thread-safe until destroyed; destroying while another thread reads is a caller error.
 */
public final class Secret implements Destroyable {

  /** Upper bound on the seed length; no HMAC benefits from more than one block of key. */
  public static final int MAX_LENGTH = 128;

  /** RFC 4226 §4 R6: the shared secret MUST be at least 128 bits; 160 bits is recommended. */
  public static final int MIN_STRONG_LENGTH = 16;

  private final byte[] bytes;
  private volatile boolean destroyed;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Decodes a Base32 seed leniently: ASCII case and whitespace are ignored, '=' padding is optional,
   * and non-zero unused bits in the last character are dropped, as authenticator apps do.
   * Lengths that no Base32 encoding can produce (1, 3 or 6 characters mod 8) are refused.
   * Accepting a {@link CharSequence} lets callers pass a {@code CharBuffer} they can wipe afterwards.
   * MUST NOT return null.
   *
   * @throws OtpFormatException with parameter "secret" if the text is null, empty, not Base32 or
   *                            decodes to more than {@value #MAX_LENGTH} bytes
   */
  public static Secret fromBase32(CharSequence base32) {
    return new Secret(Base32Text.decode(base32));
  }

  /**
   * Wraps a copy of the given seed. MUST NOT return null.
   *
   * @throws OtpFormatException with parameter "secret" if the seed is null, empty or longer than
   *                            {@value #MAX_LENGTH} bytes
   */
  public static Secret ofBytes(byte[] seed) {
    if (seed == null) {
      throw new OtpFormatException("secret", "secret is required");
    }
    if (seed.length == 0) {
      throw new OtpFormatException("secret", "secret must not be empty");
    }
    if (seed.length > MAX_LENGTH) {
      throw new OtpFormatException("secret", "secret is longer than 128 bytes");
    }
    return new Secret(seed.clone());
  }

  /** A copy of the seed; the caller should zero it after use. @throws IllegalStateException if destroyed */
  public byte[] bytes() {
    checkNotDestroyed();
    return bytes.clone();
  }

  /** The seed length in bytes. */
  public int length() {
    return bytes.length;
  }

  /** True when the seed is shorter than the 128 bits RFC 4226 §4 R6 requires. */
  public boolean isWeak() {
    return bytes.length < MIN_STRONG_LENGTH;
  }

  /** The seed as upper-case Base32 without padding. @throws IllegalStateException if destroyed */
  public String toBase32() {
    checkNotDestroyed();
    return Base32Text.encode(bytes);
  }

  /** Zeroes the seed. Later reads throw {@link IllegalStateException}; calling it again does nothing. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Constant-time comparison of the seeds; a destroyed secret equals only itself. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Secret that) || destroyed || that.destroyed) {
      return false;
    }
    return MessageDigest.isEqual(bytes, that.bytes);
  }

  /** Depends on the length only, so hash tables never hold a seed-derived value. */
  @Override
  public int hashCode() {
    return bytes.length;
  }

  /** Always {@code "Secret[redacted]"}. */
  @Override
  public String toString() {
    return "Secret[redacted]";
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("secret has been destroyed");
    }
  }
}
