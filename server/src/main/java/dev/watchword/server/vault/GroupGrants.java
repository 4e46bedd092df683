package dev.watchword.server.vault;

import dev.watchword.server.shared.GroupId;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vault roles held by groups. Every statement carries {@code vault_id = :vaultId}. */
@Repository
class GroupGrants {

  private final JdbcClient jdbc;
  private final Clock clock;

  GroupGrants(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void put(VaultId vault, GroupId group, VaultRole role, Instant expiresAt) {
    remove(vault, group);
    jdbc.sql("""
            INSERT INTO vault_group_grant (vault_id, group_id, role, expires_at, created_at)
            VALUES (:vaultId, :groupId, :role, :expires, :now)""")
        .param("vaultId", vault.toString()).param("groupId", group.toString()).param("role", role.wireName())
        .param("expires", expiresAt == null ? null : expiresAt.toEpochMilli()).param("now", clock.millis())
        .update();
  }

  boolean remove(VaultId vault, GroupId group) {
    return jdbc.sql("DELETE FROM vault_group_grant WHERE vault_id = :vaultId AND group_id = :groupId")
        .param("vaultId", vault.toString()).param("groupId", group.toString()).update() == 1;
  }

  List<Grant> live(VaultId vault) {
    return jdbc.sql("""
            SELECT group_id, role, expires_at FROM vault_group_grant
            WHERE vault_id = :vaultId AND (expires_at IS NULL OR expires_at > :now) ORDER BY created_at""")
        .param("vaultId", vault.toString()).param("now", clock.millis())
        .query((rs, n) -> {
          long expires = rs.getLong("expires_at");
          return new Grant(GroupId.of(rs.getString("group_id")), VaultRole.fromWire(rs.getString("role")),
              rs.wasNull() ? null : Instant.ofEpochMilli(expires));
        })
        .list();
  }

  record Grant(GroupId group, VaultRole role, Instant expiresAt) {}
}
