package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  UserRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<Caller> findByUsername(String username) {
    return jdbc.sql("SELECT id, username, org_role FROM app_user WHERE username = :username")
        .param("username", username)
        .query((rs, n) -> new Caller(UserId.of(rs.getString("id")), rs.getString("username"),
            OrgRole.fromWire(rs.getString("org_role"))))
        .optional();
  }

  Caller create(String username, String displayName, OrgRole role) {
    UserId id = UserId.random();
    jdbc.sql("""
            INSERT INTO app_user (id, username, display_name, org_role, created_at)
            VALUES (:id, :username, :displayName, :role, :now)""")
        .param("id", id.toString())
        .param("username", username)
        .param("displayName", displayName)
        .param("role", role.wireName())
        .param("now", clock.millis())
        .update();
    return new Caller(id, username, role);
  }
}
