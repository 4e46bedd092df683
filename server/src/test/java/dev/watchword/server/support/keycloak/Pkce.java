package dev.watchword.server.support.keycloak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) with the {@code S256} method. {@link #toString()} omits
 * the verifier.
 */
public record Pkce(String verifier, String challenge) {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** §4.1: 32 random octets, base64url-encoded into a 43-character verifier; §4.2: its S256 challenge. */
  public static Pkce s256(SecureRandom random) {
    byte[] octets = new byte[32];
    random.nextBytes(octets);
    String verifier = BASE64URL.encodeToString(octets);
    return new Pkce(verifier, challengeOf(verifier));
  }

  /** §4.2: {@code BASE64URL(SHA256(ASCII(code_verifier)))}. */
  public static String challengeOf(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String method() {
    return "S256";
  }

  @Override
  public String toString() {
    return "Pkce[S256, challenge=" + challenge + "]";
  }
}
