package dev.watchword.server.identity;

import dev.watchword.server.runtime.InLists;
import dev.watchword.server.runtime.WatchwordProperties;
import dev.watchword.server.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  private static final String PROFILE = "id, username, display_name, org_role, created_at, disabled_at";
  private static final String COLUMNS = PROFILE + ", password_hash";
  /**
   * A user and how they prove who they are: counts from the factor tables, one row per user. For
   * the people pages, so the password hash is not read at all (it would sit in the page's model).
   */
  private static final String WITH_FACTORS = "SELECT " + PROFILE + ", NULL AS password_hash" + """
      , (SELECT COUNT(*) FROM user_totp t WHERE t.user_id = app_user.id) AS totp,
        (SELECT COUNT(*) FROM passkey p WHERE p.user_id = app_user.id) AS passkeys,
        (SELECT COUNT(*) FROM user_sso_link s WHERE s.user_id = app_user.id) AS sso_links
      FROM app_user""";

  /**
   * The active owners and the target, with the rows locked on PostgreSQL, in id order so that two
   * lockers cannot deadlock. {@code FOR NO KEY UPDATE} is the lock the {@code UPDATE} itself takes:
   * it queues behind another change of these rows, yet lets rows that reference a user be inserted.
   */
  private static final String LOCK_ACTIVE_OWNERS = """
      SELECT id, org_role = 'owner' AND disabled_at IS NULL AS active_owner FROM app_user
      WHERE (org_role = 'owner' AND disabled_at IS NULL) OR id = :target
      ORDER BY id""";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String lockActiveOwners;

  UserRepository(JdbcClient jdbc, Clock clock, WatchwordProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    // SQLite has no row locks, and needs none: every transaction begins IMMEDIATE, holding the
    // database's only write lock from its first statement to its end.
    this.lockActiveOwners = LOCK_ACTIVE_OWNERS + (properties.usesPostgres() ? " FOR NO KEY UPDATE" : "");
  }

  /** The usernames of those of {@code ids} that exist, one statement per {@link InLists} list. */
  Map<UserId, String> usernamesOf(Collection<UserId> ids) {
    Map<UserId, String> names = new HashMap<>();
    for (List<String> some : InLists.of(ids)) {
      jdbc.sql("SELECT id, username FROM app_user WHERE id IN (:ids)")
          .param("ids", some)
          .query(rs -> {
            names.put(UserId.of(rs.getString("id")), rs.getString("username"));
          });
    }
    return names;
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

  /** Every user with their second factors, by username. */
  List<ManagedUser> listWithFactors() {
    return jdbc.sql(WITH_FACTORS + " ORDER BY LOWER(username), id").query(UserRepository::managed).list();
  }

  Optional<ManagedUser> findWithFactors(UserId id) {
    return jdbc.sql(WITH_FACTORS + " WHERE id = :id").param("id", id.toString())
        .query(UserRepository::managed).optional();
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

  /**
   * The active owners, as committed now, and none of them can change role or be disabled by another
   * transaction until this one ends; neither can {@code target}. Must run inside the transaction
   * that makes the change, before it reads the target.
   *
   * <p>On PostgreSQL (READ COMMITTED) a row another transaction is changing makes this wait for its
   * commit, then be checked again as committed: an owner just demoted or disabled is not counted,
   * and a target just made owner is. Owners who were not owners when this statement began are left
   * out, which can only refuse a change, never allow one wrongly.
   */
  ActiveOwners lockActiveOwners(UserId target) {
    List<UserId> owners = new ArrayList<>();
    jdbc.sql(lockActiveOwners).param("target", target.toString()).query(rs -> {
      if (rs.getBoolean("active_owner")) {
        owners.add(UserId.of(rs.getString("id")));
      }
    });
    return new ActiveOwners(owners);
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

  private static ManagedUser managed(ResultSet rs, int row) throws SQLException {
    return new ManagedUser(account(rs, row), rs.getLong("totp") > 0, rs.getInt("passkeys"), rs.getLong("sso_links") > 0);
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
