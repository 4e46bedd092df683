package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

/**
 * The WebAuthn user entity of each user (WebAuthn Level 3 §5.4.3), for Spring Security's
 * ceremonies. The user handle is 32 random bytes chosen by Spring Security, never the username,
 * and maps to exactly one {@code app_user}; the entity's name is the user's username.
 */
@Repository
class PasskeyUserEntities implements PublicKeyCredentialUserEntityRepository {

  private static final String SELECT = """
      SELECT e.user_handle, e.user_id, u.username, u.display_name
      FROM webauthn_user_entity e JOIN app_user u ON u.id = e.user_id""";

  private final JdbcClient jdbc;
  private final Clock clock;

  PasskeyUserEntities(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public PublicKeyCredentialUserEntity findById(Bytes id) {
    return jdbc.sql(SELECT + " WHERE e.user_handle = :handle").param("handle", id.toBase64UrlString())
        .query(PasskeyUserEntities::entity).optional().orElse(null);
  }

  @Override
  public PublicKeyCredentialUserEntity findByUsername(String username) {
    return jdbc.sql(SELECT + " WHERE LOWER(u.username) = LOWER(:username)").param("username", username)
        .query(PasskeyUserEntities::entity).optional().orElse(null);
  }

  /** Stores the handle of the user the entity names; a user has at most one handle. */
  @Override
  public void save(PublicKeyCredentialUserEntity entity) {
    jdbc.sql("""
            INSERT INTO webauthn_user_entity (user_handle, user_id, created_at)
            SELECT :handle, id, :now FROM app_user WHERE LOWER(username) = LOWER(:username)""")
        .param("handle", entity.getId().toBase64UrlString())
        .param("username", entity.getName())
        .param("now", clock.millis())
        .update();
  }

  @Override
  public void delete(Bytes id) {
    jdbc.sql("DELETE FROM webauthn_user_entity WHERE user_handle = :handle").param("handle", id.toBase64UrlString())
        .update();
  }

  /** The user a handle belongs to, whatever the state of their account. */
  Optional<UserId> findUser(Bytes handle) {
    return jdbc.sql("SELECT user_id FROM webauthn_user_entity WHERE user_handle = :handle")
        .param("handle", handle.toBase64UrlString())
        .query((rs, n) -> UserId.of(rs.getString("user_id"))).optional();
  }

  private static PublicKeyCredentialUserEntity entity(ResultSet rs, int n) throws SQLException {
    return ImmutablePublicKeyCredentialUserEntity.builder()
        .id(Bytes.fromBase64(rs.getString("user_handle")))
        .name(rs.getString("username"))
        .displayName(rs.getString("display_name"))
        .build();
  }
}
