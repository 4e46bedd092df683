package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Links between users and identity provider accounts, keyed by the ID token's (iss, sub). */
@Component
class SsoLinks {

  private final JdbcClient jdbc;
  private final Clock clock;

  SsoLinks(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<UserId> find(String issuer, String subject) {
    return jdbc.sql("SELECT user_id FROM user_sso_link WHERE issuer = :issuer AND subject = :subject")
        .param("issuer", issuer).param("subject", subject)
        .query((rs, n) -> UserId.of(rs.getString("user_id")))
        .optional();
  }

  /** How many users are linked to each issuer. */
  Map<String, Long> countsByIssuer() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("SELECT issuer, COUNT(*) AS users FROM user_sso_link GROUP BY issuer")
        .query(rs -> {
          counts.put(rs.getString("issuer"), rs.getLong("users"));
        });
    return counts;
  }

  void link(String issuer, String subject, UserId user) {
    jdbc.sql("INSERT INTO user_sso_link (issuer, subject, user_id, created_at) VALUES (:issuer, :subject, :user, :now)")
        .param("issuer", issuer).param("subject", subject).param("user", user.toString()).param("now", clock.millis())
        .update();
  }
}
