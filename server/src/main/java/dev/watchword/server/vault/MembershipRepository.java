package dev.watchword.server.vault;

import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who holds which role in a vault, and until when. Every statement carries {@code vault_id = :vaultId}. */
@Repository
class MembershipRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  MembershipRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Sets the member's direct role and expiry, replacing the direct role they had (a manager's
   * decision); just-in-time grants are not memberships and never come through here.
   */
  void put(VaultId vault, UserId user, VaultRole role, Instant expiresAt) {
    Long expires = expiresAt == null ? null : expiresAt.toEpochMilli();
    int updated = jdbc.sql("""
            UPDATE vault_member SET role = :role, expires_at = :expires
            WHERE vault_id = :vaultId AND user_id = :userId""")
        .param("role", role.wireName()).param("expires", expires)
        .param("vaultId", vault.toString()).param("userId", user.toString())
        .update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO vault_member (vault_id, user_id, role, expires_at, created_at)
              VALUES (:vaultId, :userId, :role, :expires, :now)""")
          .param("vaultId", vault.toString()).param("userId", user.toString())
          .param("role", role.wireName()).param("expires", expires).param("now", clock.millis())
          .update();
    }
  }

  boolean remove(VaultId vault, UserId user) {
    return jdbc.sql("DELETE FROM vault_member WHERE vault_id = :vaultId AND user_id = :userId")
        .param("vaultId", vault.toString()).param("userId", user.toString()).update() == 1;
  }

  /**
   * Direct managers without an expiry, other than {@code except}: the ones a vault can rely on. A
   * manager until some time, through a group or through a just-in-time grant does not count,
   * because that role ends by itself.
   */
  int otherLastingManagers(VaultId vault, UserId except) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM vault_member
            WHERE vault_id = :vaultId AND role = 'manager' AND user_id <> :except AND expires_at IS NULL""")
        .param("vaultId", vault.toString()).param("except", except.toString())
        .query(Integer.class).single();
  }

  List<Member> list(VaultId vault) {
    return jdbc.sql("""
            SELECT user_id, role, expires_at, created_at FROM vault_member
            WHERE vault_id = :vaultId AND (expires_at IS NULL OR expires_at > :now) ORDER BY created_at, user_id""")
        .param("vaultId", vault.toString()).param("now", clock.millis())
        .query((rs, n) -> {
          long expires = rs.getLong("expires_at");
          Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
          return new Member(UserId.of(rs.getString("user_id")), VaultRole.fromWire(rs.getString("role")), expiresAt,
              Instant.ofEpochMilli(rs.getLong("created_at")));
        })
        .list();
  }

  /**
   * Ends every live membership of a user, in every vault (offboarding). The rows stay, expired,
   * so the offboarding report can say which vaults the user could reach.
   */
  int endEverywhere(UserId user) {
    long now = clock.millis();
    return jdbc.sql("""
            UPDATE vault_member SET expires_at = :now
            WHERE user_id = :userId AND (expires_at IS NULL OR expires_at > :now)""")
        .param("now", now).param("userId", user.toString()).update();
  }

  /**
   * Every vault the user was ever a member of (live or ended), with its name, and every vault an
   * approved just-in-time request gave them (until the grant's end).
   */
  List<ReachableVault> everReachable(UserId user) {
    return jdbc.sql("""
            SELECT v.id, v.name, v.client, m.role, m.expires_at FROM (
                SELECT vault_id, role, expires_at FROM vault_member WHERE user_id = :userId
              UNION ALL
                SELECT vault_id, role, grant_until AS expires_at FROM access_request
                WHERE requester_id = :userId AND status = 'approved'
            ) m JOIN vault v ON v.id = m.vault_id
            ORDER BY v.name, v.id, m.expires_at""")
        .param("userId", user.toString())
        .query((rs, n) -> {
          long expires = rs.getLong("expires_at");
          Instant until = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
          return new ReachableVault(VaultId.of(rs.getString("id")), rs.getString("name"), rs.getString("client"),
              VaultRole.fromWire(rs.getString("role")), until);
        })
        .list();
  }

  record ReachableVault(VaultId id, String name, String client, VaultRole role, Instant until) {}

  record Member(UserId user, VaultRole role, Instant expiresAt, Instant since) {}
}
