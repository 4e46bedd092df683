package dev.watchword.server.identity;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Secret;
import dev.watchword.otp.Totp;
import dev.watchword.server.crypto.ServerSecrets;
import dev.watchword.server.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users' own TOTP factor (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app reads).
 *
 * <p>Guarantees: a code is accepted within ±1 time step of drift and at most once: the last
 * accepted step is stored in the database and advanced with a compare-and-set, so a replayed
 * code is refused on every node. The secret is sealed under the master key, bound to its user.
 */
@Component
class TotpFactor {

  static final String ISSUER = "Watchword";
  private static final int SECRET_BYTES = 20;
  private static final int DIGITS = 6;
  private static final int PERIOD = 30;
  private static final int DRIFT_STEPS = 1;

  private final JdbcClient jdbc;
  private final ServerSecrets secrets;
  private final Clock clock;
  private final SecureRandom random;

  TotpFactor(JdbcClient jdbc, ServerSecrets secrets, Clock clock, SecureRandom random) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.clock = clock;
    this.random = random;
  }

  boolean isEnrolled(UserId user) {
    return jdbc.sql("SELECT COUNT(*) FROM user_totp WHERE user_id = :user").param("user", user.toString())
        .query(Long.class).single() > 0;
  }

  /** A fresh secret for enrolment, sealed to the challenge, and the otpauth URI to show the user. */
  PendingEnrolment newEnrolment(String challengeHash, String username) {
    byte[] seed = new byte[SECRET_BYTES];
    random.nextBytes(seed);
    try {
      return new PendingEnrolment(secrets.seal(pendingContext(challengeHash), seed), uri(username, seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * The otpauth URI of an enrolment already under way, so showing the enrolment page again (a
   * reload, a second tab) shows the secret the user may have scanned already, not a new one.
   */
  String pendingUri(String challengeHash, String username, byte[] sealedPending) {
    byte[] seed = secrets.open(pendingContext(challengeHash), sealedPending);
    try {
      return uri(username, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static String uri(String username, byte[] seed) {
    return new OtpauthUri(dev.watchword.otp.OtpType.TOTP, ISSUER, username, Secret.ofBytes(seed),
        OtpParameters.totp(HmacAlgorithm.SHA1, DIGITS, PERIOD)).toUri();
  }

  /** Confirms enrolment with a code from the pending secret; true when the factor is now stored. */
  boolean confirm(UserId user, String challengeHash, byte[] sealedPending, String code) {
    byte[] seed = secrets.open(pendingContext(challengeHash), sealedPending);
    try {
      OptionalLong step = matchingStep(seed, code);
      if (step.isEmpty()) {
        return false;
      }
      jdbc.sql("DELETE FROM user_totp WHERE user_id = :user").param("user", user.toString()).update();
      jdbc.sql("""
              INSERT INTO user_totp (user_id, secret_ciphertext, last_used_step, created_at)
              VALUES (:user, :secret, :step, :now)""")
          .param("user", user.toString())
          .param("secret", secrets.seal(userContext(user), seed))
          .param("step", step.getAsLong())
          .param("now", clock.millis())
          .update();
      return true;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Verifies a sign-in code; true only for a correct code of a step later than any accepted before. */
  boolean verify(UserId user, String code) {
    byte[] sealed = jdbc.sql("SELECT secret_ciphertext FROM user_totp WHERE user_id = :user")
        .param("user", user.toString()).query(byte[].class).optional().orElse(null);
    if (sealed == null) {
      return false;
    }
    byte[] seed = secrets.open(userContext(user), sealed);
    OptionalLong step;
    try {
      step = matchingStep(seed, code);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    return step.isPresent() && jdbc.sql("""
            UPDATE user_totp SET last_used_step = :step WHERE user_id = :user AND last_used_step < :step""")
        .param("step", step.getAsLong())
        .param("user", user.toString())
        .update() == 1;
  }

  private OptionalLong matchingStep(byte[] seed, String code) {
    if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    Instant now = clock.instant();
    long current = Totp.timeStep(now, PERIOD);
    byte[] offered = code.getBytes(StandardCharsets.US_ASCII);
    OptionalLong match = OptionalLong.empty();
    // Every candidate is compared, in constant time, so timing does not tell which step matched.
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      String expected = Totp.generate(HmacAlgorithm.SHA1, seed, Instant.ofEpochSecond(step * PERIOD), PERIOD, DIGITS);
      if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), offered) && match.isEmpty()) {
        match = OptionalLong.of(step);
      }
    }
    return match;
  }

  private static String userContext(UserId user) {
    return "user:totp:" + user;
  }

  private static String pendingContext(String challengeHash) {
    return "challenge:totp:" + challengeHash;
  }

  /** A secret being enrolled: sealed for storage, and as the URI the user's app scans. */
  record PendingEnrolment(byte[] sealedSecret, String uri) {

    @Override
    public String toString() {
      return "PendingEnrolment[redacted]";
    }
  }
}
