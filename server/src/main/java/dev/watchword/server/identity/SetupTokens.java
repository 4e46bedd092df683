package dev.watchword.server.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time setup tokens that create the first owner: valid {@link #LIFETIME}, single use,
 * stored hashed. Issuing one withdraws any earlier unused one, so only the newest link works.
 */
@Component
class SetupTokens {

  static final String PREFIX = "wws_";
  static final Duration LIFETIME = Duration.ofHours(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random;

  SetupTokens(JdbcClient jdbc, Clock clock, SecureRandom random) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.random = random;
  }

  String issue() {
    jdbc.sql("DELETE FROM setup_token WHERE used_at IS NULL").update();
    String token = OpaqueTokens.generate(PREFIX, random);
    long now = clock.millis();
    jdbc.sql("INSERT INTO setup_token (token_hash, created_at, expires_at) VALUES (:hash, :now, :expires)")
        .param("hash", OpaqueTokens.hash(token)).param("now", now).param("expires", now + LIFETIME.toMillis())
        .update();
    return token;
  }

  /** Spends the token; true when it was live and unused (a second use, or a late one, is false). */
  boolean spend(String token) {
    if (!OpaqueTokens.looksLike(token, PREFIX)) {
      return false;
    }
    long now = clock.millis();
    return jdbc.sql("""
            UPDATE setup_token SET used_at = :now
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
        .param("now", now).param("hash", OpaqueTokens.hash(token)).update() == 1;
  }
}
