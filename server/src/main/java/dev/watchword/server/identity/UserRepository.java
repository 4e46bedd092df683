package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  private static final String COLUMNS = "id, username, display_name, org_role, created_at, disabled_at, password_hash";

  private final JdbcClient jdbc;
  private final Clock clock;

  UserRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<Caller> findByUsername(String username) {
    return findAccount(username).map(UserAccount::caller);
  }

  /** Usernames are matched case-insensitively: "Alice" and "alice" are one account. */
  Optional<UserAccount> findAccount(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE LOWER(username) = LOWER(:username)")
        .param("username", username)
        .query(UserRepository::account)
        .optional();
  }

  Optional<UserAccount> findAccount(UserId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
        .param("id", id.toString())
        .query(UserRepository::account)
        .optional();
  }

  boolean anyExists() {
    return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() > 0;
  }

  Caller create(String username, String displayName, OrgRole role) {
    return create(username, displayName, role, null);
  }

  Caller create(String username, String displayName, OrgRole role, String passwordHash) {
    UserId id = UserId.random();
    jdbc.sql("""
            INSERT INTO app_user (id, username, display_name, org_role, created_at, password_hash)
            VALUES (:id, :username, :displayName, :role, :now, :passwordHash)""")
        .param("id", id.toString())
        .param("username", username)
        .param("displayName", displayName)
        .param("role", role.wireName())
        .param("now", clock.millis())
        .param("passwordHash", passwordHash)
        .update();
    return new Caller(id, username, role);
  }

  /** Sets the organisation role; true when the user exists. */
  boolean setRole(UserId id, OrgRole role) {
    return jdbc.sql("UPDATE app_user SET org_role = :role WHERE id = :id")
        .param("role", role.wireName()).param("id", id.toString()).update() == 1;
  }

  /** Owners who can still sign in. */
  long activeOwners() {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE org_role = 'owner' AND disabled_at IS NULL")
        .query(Long.class).single();
  }

  /** Marks the user disabled; true when this call disabled them (false if already disabled or unknown). */
  boolean disable(UserId id) {
    return jdbc.sql("UPDATE app_user SET disabled_at = :now WHERE id = :id AND disabled_at IS NULL")
        .param("now", clock.millis())
        .param("id", id.toString())
        .update() == 1;
  }

  void updatePasswordHash(UserId id, String passwordHash) {
    jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
        .param("hash", passwordHash).param("id", id.toString()).update();
  }

  private static UserAccount account(ResultSet rs, int row) throws SQLException {
    Caller caller = new Caller(UserId.of(rs.getString("id")), rs.getString("username"),
        OrgRole.fromWire(rs.getString("org_role")));
    long disabledAt = rs.getLong("disabled_at");
    Instant disabled = rs.wasNull() ? null : Instant.ofEpochMilli(disabledAt);
    return new UserAccount(caller, rs.getString("display_name"), Instant.ofEpochMilli(rs.getLong("created_at")),
        disabled, rs.getString("password_hash"));
  }
}
