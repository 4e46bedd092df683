package dev.watchword.otp;

import java.time.Instant;

/**
 * Steam Guard codes. Valve publishes no specification; every client (Steam's own, Aegis, andOTP, 2FAS,
 * node-steam-totp) computes them the same way: the TOTP counter of RFC 6238 §4.2, HMAC-SHA1 and the 31-bit
 * dynamic truncation of RFC 4226 §5.3, then five characters from {@value #ALPHABET}, least significant first,
 * taking the value modulo 26 and dividing by 26 for each.
 *
 * <p>Guarantees: {@link #generate} MUST NOT return null, returns exactly {@value OtpParameters#STEAM_DIGITS}
 * characters of {@value #ALPHABET}, and never includes the key in an exception. Thread-safe.
 */
public final class SteamGuard {

  /** Steam's 26 symbols: digits and consonants that cannot be mistaken for one another. */
  public static final String ALPHABET = "23456789BCDFGHJKMNPQRTVWXY";

  private SteamGuard() {
  }

  /**
   * The Steam Guard code for the time step containing {@code at}.
   *
   * @param key    the shared secret (Steam calls it shared_secret and shows it Base64-encoded)
   * @param at     the time; not before 1970
   * @param period the time step in seconds; Steam uses 30
   * @throws OtpFormatException naming "secret", "time" or "period" when one is invalid
   */
  public static String generate(byte[] key, Instant at, int period) {
    int value = Hotp.truncatedValue(HmacAlgorithm.SHA1, key, Totp.timeStep(at, period));
    char[] code = new char[OtpParameters.STEAM_DIGITS];
    for (int i = 0; i < code.length; i++) {
      code[i] = ALPHABET.charAt(value % ALPHABET.length());
      value /= ALPHABET.length();
    }
    return new String(code);
  }
}
