package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens.
 *
 * <p>Guarantees: a token carries 256 random bits; only its SHA-256 hash is stored; every
 * request looks the hash up together with the user's state, so an expired token, a deleted
 * token or a disabled user is refused on the very next request, on every node.
 */
@Component
class AccessTokens {

  private static final String PREFIX = "ww_";
  private static final int TOKEN_BYTES = 32;
  private static final int MAX_TOKEN_LENGTH = 128;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random;

  AccessTokens(JdbcClient jdbc, Clock clock, SecureRandom random) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.random = random;
  }

  /** Issues a token; the returned value is the only copy and is never stored. */
  String issue(UserId user, TokenKind kind, Duration lifetime) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long now = clock.millis();
    jdbc.sql("""
            INSERT INTO access_token (token_hash, user_id, kind, created_at, expires_at)
            VALUES (:hash, :user, :kind, :now, :expires)""")
        .param("hash", hash(token))
        .param("user", user.toString())
        .param("kind", kind.wireName())
        .param("now", now)
        .param("expires", now + lifetime.toMillis())
        .update();
    return token;
  }

  /** The caller a token stands for right now; empty when it is unknown, expired or its user is disabled. */
  Optional<Caller> authenticate(String token) {
    if (token == null || token.length() > MAX_TOKEN_LENGTH || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT u.id, u.username, u.org_role
            FROM access_token t JOIN app_user u ON u.id = t.user_id
            WHERE t.token_hash = :hash AND t.expires_at > :now AND u.disabled_at IS NULL""")
        .param("hash", hash(token))
        .param("now", clock.millis())
        .query((rs, n) -> new Caller(UserId.of(rs.getString("id")), rs.getString("username"),
            OrgRole.fromWire(rs.getString("org_role"))))
        .optional();
  }

  int revokeAll(TokenKind kind) {
    return jdbc.sql("DELETE FROM access_token WHERE kind = :kind").param("kind", kind.wireName()).update();
  }

  private static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
