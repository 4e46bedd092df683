package dev.watchword.server.identity;

import dev.watchword.server.runtime.WatchwordProperties;
import dev.watchword.server.shared.UserId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens.
 *
 * <p>Guarantees: a token carries 256 random bits; only its SHA-256 hash is stored; every
 * request looks the hash up together with the user's and the session's state, so an expired
 * token, an ended or idle session or a disabled user is refused on the very next request, on
 * every node. Development tokens are accepted only by a server running in development mode.
 */
@Component
class AccessTokens {

  static final String PREFIX = "ww_";
  // Writing last_seen_at on every request would serialise reads on SQLite; a minute is plenty
  // of precision against idle timeouts measured in quarter hours.
  private static final long LAST_SEEN_GRANULARITY_MS = 60_000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random;
  private final boolean devMode;

  AccessTokens(JdbcClient jdbc, Clock clock, SecureRandom random, WatchwordProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.random = random;
    this.devMode = properties.dev();
  }

  /** Issues a token; the returned value is the only copy and is never stored. */
  String issue(UserId user, TokenKind kind, Duration lifetime, String sessionId) {
    String token = OpaqueTokens.generate(PREFIX, random);
    long now = clock.millis();
    jdbc.sql("""
            INSERT INTO access_token (token_hash, user_id, kind, created_at, expires_at, session_id)
            VALUES (:hash, :user, :kind, :now, :expires, :session)""")
        .param("hash", OpaqueTokens.hash(token))
        .param("user", user.toString())
        .param("kind", kind.wireName())
        .param("now", now)
        .param("expires", now + lifetime.toMillis())
        .param("session", sessionId)
        .update();
    return token;
  }

  /**
   * The caller a token stands for right now; empty when it is unknown or expired, its user is
   * disabled, or its session has ended, expired or gone idle.
   */
  Optional<Caller> authenticate(String token) {
    if (!OpaqueTokens.looksLike(token, PREFIX)) {
      return Optional.empty();
    }
    long now = clock.millis();
    Optional<AuthenticatedRow> row = jdbc.sql("""
            SELECT u.id, u.username, u.org_role, t.session_id, s.aal, s.methods, s.authenticated_at, s.last_seen_at
            FROM access_token t
              JOIN app_user u ON u.id = t.user_id
              LEFT JOIN auth_session s ON s.id = t.session_id
            WHERE t.token_hash = :hash AND t.expires_at > :now AND u.disabled_at IS NULL
              AND (t.kind <> 'dev' OR :devMode = 1)
              AND (t.session_id IS NULL
                   OR (s.ended_at IS NULL AND s.expires_at > :now AND s.last_seen_at + s.idle_timeout_ms > :now))""")
        .param("hash", OpaqueTokens.hash(token))
        .param("now", now)
        .param("devMode", devMode ? 1 : 0)
        .query(AccessTokens::row)
        .optional();
    row.filter(r -> r.caller().sessionId() != null && r.lastSeenAt() < now - LAST_SEEN_GRANULARITY_MS)
        .ifPresent(r -> touch(r.caller().sessionId(), now));
    return row.map(AuthenticatedRow::caller);
  }

  int revokeAll(TokenKind kind) {
    return jdbc.sql("DELETE FROM access_token WHERE kind = :kind").param("kind", kind.wireName()).update();
  }

  int revokeAllOf(UserId user) {
    return jdbc.sql("DELETE FROM access_token WHERE user_id = :user").param("user", user.toString()).update();
  }

  private void touch(String sessionId, long now) {
    jdbc.sql("UPDATE auth_session SET last_seen_at = :now WHERE id = :id AND last_seen_at < :now")
        .param("now", now).param("id", sessionId).update();
  }

  private static AuthenticatedRow row(ResultSet rs, int n) throws SQLException {
    UserId id = UserId.of(rs.getString("id"));
    String username = rs.getString("username");
    OrgRole role = OrgRole.fromWire(rs.getString("org_role"));
    String sessionId = rs.getString("session_id");
    if (sessionId == null) {
      return new AuthenticatedRow(new Caller(id, username, role), 0);
    }
    return new AuthenticatedRow(new Caller(id, username, role, sessionId, rs.getInt("aal"),
        Instant.ofEpochMilli(rs.getLong("authenticated_at")), Caller.methodsOf(rs.getString("methods"))),
        rs.getLong("last_seen_at"));
  }

  private record AuthenticatedRow(Caller caller, long lastSeenAt) {}
}
