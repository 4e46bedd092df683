package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time codes that carry an SSO sign-in's outcome from the browser redirect to the client
 * that redeems it: 256 random bits, stored hashed, valid {@link #LIFETIME}, single use. No token
 * ever travels in a URL.
 */
@Component
class SsoHandoffs {

  static final String PREFIX = "wwh_";
  static final Duration LIFETIME = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random;

  SsoHandoffs(JdbcClient jdbc, Clock clock, SecureRandom random) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.random = random;
  }

  String create(UserId user, Outcome outcome, String methods) {
    String code = OpaqueTokens.generate(PREFIX, random);
    long now = clock.millis();
    jdbc.sql("""
            INSERT INTO sso_handoff (code_hash, user_id, outcome, methods, created_at, expires_at)
            VALUES (:hash, :user, :outcome, :methods, :now, :expires)""")
        .param("hash", OpaqueTokens.hash(code)).param("user", user.toString())
        .param("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).param("methods", methods)
        .param("now", now).param("expires", now + LIFETIME.toMillis())
        .update();
    return code;
  }

  /** Spends the code; empty when it is unknown, expired or already spent. */
  Optional<Handoff> redeem(String code) {
    if (!OpaqueTokens.looksLike(code, PREFIX)) {
      return Optional.empty();
    }
    String hash = OpaqueTokens.hash(code);
    Optional<Handoff> handoff = jdbc.sql("""
            SELECT user_id, outcome, methods FROM sso_handoff WHERE code_hash = :hash AND expires_at > :now""")
        .param("hash", hash).param("now", clock.millis())
        .query((rs, n) -> new Handoff(UserId.of(rs.getString("user_id")),
            Outcome.valueOf(rs.getString("outcome").toUpperCase(java.util.Locale.ROOT)), rs.getString("methods")))
        .optional();
    boolean spent = jdbc.sql("DELETE FROM sso_handoff WHERE code_hash = :hash").param("hash", hash).update() == 1;
    return spent ? handoff : Optional.empty();
  }

  /** What the sign-in achieved: a full session, or a password-equivalent that still needs a local factor. */
  enum Outcome { SESSION, MFA, ENROL }

  record Handoff(UserId user, Outcome outcome, String methods) {}
}
