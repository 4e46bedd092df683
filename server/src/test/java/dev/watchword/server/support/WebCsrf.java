package dev.watchword.server.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * A CSRF token pair as a browser holds one after loading a page: the token in the
 * {@code __Host-watchword-csrf} cookie, and the same token masked (Spring Security's
 * XorCsrfTokenRequestAttributeHandler: random bytes, then the token XOR those bytes) in the header.
 */
public record WebCsrf(String token) {

  public static final String COOKIE = "__Host-watchword-csrf";
  public static final String HEADER = "X-CSRF-TOKEN";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static WebCsrf random() {
    return new WebCsrf(UUID.randomUUID().toString());
  }

  public String cookie() {
    return COOKIE + "=" + token;
  }

  public String maskedToken() {
    byte[] plain = token.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[plain.length];
    RANDOM.nextBytes(mask);
    byte[] combined = new byte[plain.length * 2];
    System.arraycopy(mask, 0, combined, 0, mask.length);
    for (int i = 0; i < plain.length; i++) {
      combined[mask.length + i] = (byte) (plain[i] ^ mask[i]);
    }
    return Base64.getUrlEncoder().encodeToString(combined);
  }
}
