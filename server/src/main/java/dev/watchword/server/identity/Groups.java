package dev.watchword.server.identity;

import dev.watchword.server.shared.GroupId;
import dev.watchword.server.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Groups (teams) and who is in them. */
@Repository
class Groups {

  private final JdbcClient jdbc;
  private final Clock clock;

  Groups(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  GroupId create(String name) {
    GroupId id = GroupId.random();
    jdbc.sql("INSERT INTO user_group (id, name, created_at) VALUES (:id, :name, :now)")
        .param("id", id.toString()).param("name", name).param("now", clock.millis()).update();
    return id;
  }

  boolean nameTaken(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM user_group WHERE LOWER(name) = LOWER(:name)").param("name", name)
        .query(Long.class).single() > 0;
  }

  Optional<GroupView> find(GroupId id) {
    return jdbc.sql("SELECT id, name, created_at FROM user_group WHERE id = :id").param("id", id.toString())
        .query((rs, n) -> new GroupView(rs.getString("id"), rs.getString("name"),
            Instant.ofEpochMilli(rs.getLong("created_at")), members(GroupId.of(rs.getString("id")))))
        .optional();
  }

  Optional<GroupId> findByName(String name) {
    return jdbc.sql("SELECT id FROM user_group WHERE LOWER(name) = LOWER(:name)").param("name", name)
        .query((rs, n) -> GroupId.of(rs.getString("id"))).optional();
  }

  List<GroupView> list() {
    return jdbc.sql("SELECT id FROM user_group ORDER BY name").query(String.class).list().stream()
        .map(id -> find(GroupId.of(id)).orElseThrow())
        .toList();
  }

  void addMember(GroupId group, UserId user) {
    int exists = jdbc.sql("SELECT COUNT(*) FROM group_member WHERE group_id = :g AND user_id = :u")
        .param("g", group.toString()).param("u", user.toString()).query(Integer.class).single();
    if (exists == 0) {
      jdbc.sql("INSERT INTO group_member (group_id, user_id, created_at) VALUES (:g, :u, :now)")
          .param("g", group.toString()).param("u", user.toString()).param("now", clock.millis()).update();
    }
  }

  boolean removeMember(GroupId group, UserId user) {
    return jdbc.sql("DELETE FROM group_member WHERE group_id = :g AND user_id = :u")
        .param("g", group.toString()).param("u", user.toString()).update() == 1;
  }

  /** The names of the groups {@code user} is in, sorted: what context policies see as {@code subject.groups}. */
  List<String> namesOf(UserId user) {
    return jdbc.sql("""
            SELECT g.name FROM user_group g JOIN group_member m ON m.group_id = g.id
            WHERE m.user_id = :u ORDER BY g.name""")
        .param("u", user.toString()).query(String.class).list();
  }

  void leaveAll(UserId user) {
    jdbc.sql("DELETE FROM group_member WHERE user_id = :u").param("u", user.toString()).update();
  }

  private List<String> members(GroupId group) {
    return jdbc.sql("SELECT user_id FROM group_member WHERE group_id = :g ORDER BY user_id")
        .param("g", group.toString()).query(String.class).list();
  }

  record GroupView(String id, String name, Instant createdAt, List<String> members) {}
}
