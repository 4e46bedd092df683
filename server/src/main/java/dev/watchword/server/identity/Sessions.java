package dev.watchword.server.identity;

import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in sessions and the tokens they hand out.
 *
 * <p>A session holds a refresh token (rotated at each use) that renews access tokens of at most
 * {@value TokenKind#SESSION_ACCESS_LIFETIME_MINUTES} minutes, within the NIST SP 800-63B Rev. 4
 * limits of its assurance level: AAL2 24 h absolute and 1 h idle, AAL3 12 h and 15 min.
 * Ending a session deletes its access tokens, so they die on the next request.
 */
@Component
class Sessions {

  static final String REFRESH_PREFIX = "wwr_";
  /** Session ids are UUIDs; a longer one named by a caller is not looked up at all. */
  private static final int MAX_ID_LENGTH = 64;

  private final JdbcClient jdbc;
  private final AccessTokens accessTokens;
  private final Clock clock;
  private final SecureRandom random;

  Sessions(JdbcClient jdbc, AccessTokens accessTokens, Clock clock, SecureRandom random) {
    this.jdbc = jdbc;
    this.accessTokens = accessTokens;
    this.clock = clock;
    this.random = random;
  }

  /** Starts a session after a completed sign-in; runs in the caller's transaction. */
  IssuedTokens start(UserId user, AssuranceLevel aal, String methods, RequestOrigin origin) {
    String sessionId = UUID.randomUUID().toString();
    String refreshToken = OpaqueTokens.generate(REFRESH_PREFIX, random);
    long now = clock.millis();
    jdbc.sql("""
            INSERT INTO auth_session (id, user_id, refresh_hash, aal, methods, created_at, authenticated_at,
                                      last_seen_at, expires_at, idle_timeout_ms, client_ip, user_agent)
            VALUES (:id, :user, :refresh, :aal, :methods, :now, :now, :now, :expires, :idle, :ip, :agent)""")
        .param("id", sessionId)
        .param("user", user.toString())
        .param("refresh", OpaqueTokens.hash(refreshToken))
        .param("aal", aal.level())
        .param("methods", methods)
        .param("now", now)
        .param("expires", now + aal.absoluteTimeout().toMillis())
        .param("idle", aal.idleTimeout().toMillis())
        .param("ip", origin.clientIp())
        .param("agent", origin.userAgent())
        .update();
    return issueAccess(user, sessionId, refreshToken);
  }

  /**
   * Renews the access token of a live session and rotates its refresh token; empty when the
   * refresh token is unknown or its session has ended, expired, gone idle or its user is disabled.
   */
  Optional<IssuedTokens> refresh(String refreshToken) {
    if (!OpaqueTokens.looksLike(refreshToken, REFRESH_PREFIX)) {
      return Optional.empty();
    }
    long now = clock.millis();
    Optional<LiveSession> live = jdbc.sql("""
            SELECT s.id, s.user_id FROM auth_session s JOIN app_user u ON u.id = s.user_id
            WHERE s.refresh_hash = :hash AND s.ended_at IS NULL AND s.expires_at > :now
              AND s.last_seen_at + s.idle_timeout_ms > :now AND u.disabled_at IS NULL""")
        .param("hash", OpaqueTokens.hash(refreshToken))
        .param("now", now)
        .query((rs, n) -> new LiveSession(rs.getString("id"), UserId.of(rs.getString("user_id"))))
        .optional();
    return live.flatMap(session -> rotate(session, refreshToken, now));
  }

  private Optional<IssuedTokens> rotate(LiveSession session, String oldToken, long now) {
    String newToken = OpaqueTokens.generate(REFRESH_PREFIX, random);
    // Compare-and-set on the old hash: of two concurrent refreshes with one token, one wins.
    int rotated = jdbc.sql("""
            UPDATE auth_session SET refresh_hash = :new, last_seen_at = :now
            WHERE id = :id AND refresh_hash = :old""")
        .param("new", OpaqueTokens.hash(newToken))
        .param("now", now)
        .param("id", session.id())
        .param("old", OpaqueTokens.hash(oldToken))
        .update();
    return rotated == 1 ? Optional.of(issueAccess(session.user(), session.id(), newToken)) : Optional.empty();
  }

  /** Records a step-up: the session's sign-in counts as just completed. */
  void reauthenticated(UserId user, String sessionId) {
    jdbc.sql("UPDATE auth_session SET authenticated_at = :now WHERE id = :id AND user_id = :user")
        .param("now", clock.millis()).param("id", sessionId).param("user", user.toString()).update();
  }

  /**
   * Records a step-up with a passkey: the session is now at AAL3 (a phishing-resistant,
   * user-verified authenticator was just used) and from now on keeps AAL3's shorter limits, the
   * absolute one counted from this step-up (NIST SP 800-63B Rev. 4 §2.3.3).
   */
  void reauthenticatedAtAal3(UserId user, String sessionId, String method) {
    long now = clock.millis();
    AssuranceLevel aal3 = AssuranceLevel.AAL3;
    jdbc.sql("""
            UPDATE auth_session
            SET authenticated_at = :now, aal = :aal,
                methods = CASE WHEN methods LIKE :like THEN methods ELSE methods || ',' || :method END,
                expires_at = CASE WHEN expires_at < :expires THEN expires_at ELSE :expires END,
                idle_timeout_ms = :idle
            WHERE id = :id AND user_id = :user AND ended_at IS NULL""")
        .param("now", now)
        .param("aal", aal3.level())
        .param("like", "%" + method + "%")
        .param("method", method)
        .param("expires", now + aal3.absoluteTimeout().toMillis())
        .param("idle", aal3.idleTimeout().toMillis())
        .param("id", sessionId)
        .param("user", user.toString())
        .update();
  }

  /**
   * Ends the live session {@code sessionId} of {@code user}, named by a caller (a path variable).
   *
   * @throws SessionNotFoundException if the user has no such live session, or the id is no session id
   */
  void endNamed(UserId user, String sessionId) {
    if (sessionId.length() > MAX_ID_LENGTH || !end(user, sessionId)) {
      throw new SessionNotFoundException();
    }
  }

  /** Ends one session of a user; true when it was live. */
  boolean end(UserId user, String sessionId) {
    int ended = jdbc.sql("UPDATE auth_session SET ended_at = :now WHERE id = :id AND user_id = :user AND ended_at IS NULL")
        .param("now", clock.millis()).param("id", sessionId).param("user", user.toString()).update();
    jdbc.sql("DELETE FROM access_token WHERE session_id = :id AND user_id = :user")
        .param("id", sessionId).param("user", user.toString()).update();
    return ended == 1;
  }

  /** Ends every session of a user and revokes every token, on the next request on every node. */
  void endAll(UserId user) {
    jdbc.sql("UPDATE auth_session SET ended_at = :now WHERE user_id = :user AND ended_at IS NULL")
        .param("now", clock.millis()).param("user", user.toString()).update();
    accessTokens.revokeAllOf(user);
  }

  List<SessionView> listLive(UserId user) {
    long now = clock.millis();
    return jdbc.sql("""
            SELECT id, aal, methods, created_at, last_seen_at, expires_at, client_ip, user_agent
            FROM auth_session
            WHERE user_id = :user AND ended_at IS NULL AND expires_at > :now AND last_seen_at + idle_timeout_ms > :now
            ORDER BY created_at DESC""")
        .param("user", user.toString())
        .param("now", now)
        .query((rs, n) -> new SessionView(rs.getString("id"), rs.getInt("aal"), rs.getString("methods"),
            Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("last_seen_at")),
            Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getString("client_ip"), rs.getString("user_agent")))
        .list();
  }

  private IssuedTokens issueAccess(UserId user, String sessionId, String refreshToken) {
    Duration lifetime = Duration.ofMinutes(TokenKind.SESSION_ACCESS_LIFETIME_MINUTES);
    String access = accessTokens.issue(user, TokenKind.SESSION, lifetime, sessionId);
    return new IssuedTokens(sessionId, access, lifetime.toSeconds(), refreshToken);
  }

  private record LiveSession(String id, UserId user) {}

  /** A session as its owner sees it in the list of their sessions. */
  public record SessionView(String id, int aal, String methods, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
      String clientIp, String userAgent) {}
}
