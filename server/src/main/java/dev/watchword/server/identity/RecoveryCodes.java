package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ten single-use recovery codes per user, each 80 random bits shown as
 * {@code xxxx-xxxx-xxxx-xxxx} (base32). Stored as SHA-256 hashes: at 80 bits there is nothing to
 * brute-force offline, so a slow hash would only slow sign-in down.
 */
@Component
class RecoveryCodes {

  static final int COUNT = 10;
  private static final int CODE_BYTES = 10;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random;

  RecoveryCodes(JdbcClient jdbc, Clock clock, SecureRandom random) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.random = random;
  }

  /** Replaces the user's codes with ten new ones; the returned codes are the only copies. */
  List<String> regenerate(UserId user) {
    jdbc.sql("DELETE FROM recovery_code WHERE user_id = :user").param("user", user.toString()).update();
    Base32 base32 = new Base32();
    List<String> codes = new ArrayList<>(COUNT);
    long now = clock.millis();
    for (int i = 0; i < COUNT; i++) {
      byte[] bytes = new byte[CODE_BYTES];
      random.nextBytes(bytes);
      String plain = base32.encodeToString(bytes).toLowerCase(Locale.ROOT);
      String code = plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8, 12) + "-"
          + plain.substring(12, 16);
      jdbc.sql("INSERT INTO recovery_code (user_id, code_hash, created_at) VALUES (:user, :hash, :now)")
          .param("user", user.toString()).param("hash", OpaqueTokens.hash(normalise(code))).param("now", now)
          .update();
      codes.add(code);
    }
    return codes;
  }

  /** Uses one code; true when it was valid and unused (it is then spent). */
  boolean use(UserId user, String code) {
    if (code == null || code.length() > 64) {
      return false;
    }
    return jdbc.sql("""
            UPDATE recovery_code SET used_at = :now
            WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL""")
        .param("now", clock.millis())
        .param("user", user.toString())
        .param("hash", OpaqueTokens.hash(normalise(code)))
        .update() == 1;
  }

  int remaining(UserId user) {
    return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = :user AND used_at IS NULL")
        .param("user", user.toString()).query(Integer.class).single();
  }

  /** People retype codes: case, spaces and dashes do not matter. */
  private static String normalise(String code) {
    return code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
  }
}
