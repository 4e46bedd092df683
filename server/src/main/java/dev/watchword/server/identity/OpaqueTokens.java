package dev.watchword.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (access, refresh, challenge and setup tokens) and the one-way hash under
 * which they are stored. 256 random bits make a plain SHA-256 safe here: there is nothing to
 * guess offline, unlike a password.
 */
final class OpaqueTokens {

  private static final int TOKEN_BYTES = 32;

  private OpaqueTokens() {}

  static String generate(String prefix, SecureRandom random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A quick shape check before any database lookup; long or foreign strings are not tokens. */
  static boolean looksLike(String token, String prefix) {
    return token != null && token.length() <= 128 && token.startsWith(prefix);
  }
}
