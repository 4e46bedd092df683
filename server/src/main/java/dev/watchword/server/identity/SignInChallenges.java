package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The short-lived state between a correct password and the second factor. A challenge is an
 * opaque token stored hashed, valid {@link #LIFETIME}, deleted when used and after
 * {@link #MAX_FAILURES} wrong codes.
 */
@Component
class SignInChallenges {

  static final String PREFIX = "wwc_";
  static final Duration LIFETIME = Duration.ofMinutes(5);
  static final int MAX_FAILURES = 5;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random;

  SignInChallenges(JdbcClient jdbc, Clock clock, SecureRandom random) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.random = random;
  }

  String create(UserId user, Purpose purpose) {
    String challenge = OpaqueTokens.generate(PREFIX, random);
    long now = clock.millis();
    jdbc.sql("""
            INSERT INTO sign_in_challenge (challenge_hash, user_id, purpose, created_at, expires_at)
            VALUES (:hash, :user, :purpose, :now, :expires)""")
        .param("hash", OpaqueTokens.hash(challenge))
        .param("user", user.toString())
        .param("purpose", purpose.wireName())
        .param("now", now)
        .param("expires", now + LIFETIME.toMillis())
        .update();
    return challenge;
  }

  /** A live challenge of this purpose whose user is still enabled. */
  Optional<Challenge> find(String challenge, Purpose purpose) {
    if (!OpaqueTokens.looksLike(challenge, PREFIX)) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT c.challenge_hash, c.user_id, c.pending_secret FROM sign_in_challenge c
              JOIN app_user u ON u.id = c.user_id
            WHERE c.challenge_hash = :hash AND c.purpose = :purpose AND c.expires_at > :now
              AND c.failures < :maxFailures AND u.disabled_at IS NULL""")
        .param("hash", OpaqueTokens.hash(challenge))
        .param("purpose", purpose.wireName())
        .param("now", clock.millis())
        .param("maxFailures", MAX_FAILURES)
        .query((rs, n) -> new Challenge(rs.getString("challenge_hash"), UserId.of(rs.getString("user_id")),
            rs.getBytes("pending_secret")))
        .optional();
  }

  void storePendingSecret(Challenge challenge, byte[] sealedSecret) {
    jdbc.sql("UPDATE sign_in_challenge SET pending_secret = :secret WHERE challenge_hash = :hash")
        .param("secret", sealedSecret).param("hash", challenge.hash()).update();
  }

  void recordFailure(Challenge challenge) {
    jdbc.sql("UPDATE sign_in_challenge SET failures = failures + 1 WHERE challenge_hash = :hash")
        .param("hash", challenge.hash()).update();
  }

  /** Consumes the challenge; false when another request consumed it first. */
  boolean consume(Challenge challenge) {
    return jdbc.sql("DELETE FROM sign_in_challenge WHERE challenge_hash = :hash")
        .param("hash", challenge.hash()).update() == 1;
  }

  enum Purpose {
    MFA, ENROL;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A found challenge; {@code hash} also names it in the associated data of its pending secret. */
  record Challenge(String hash, UserId user, byte[] pendingSecret) {

    @Override
    public String toString() {
      return "Challenge[user=" + user + "]";
    }
  }
}
