package dev.watchword.server.vault;

import dev.watchword.server.policy.RuleSetRows;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Vaults and memberships. Every read is scoped by the caller's current membership in the SQL
 * itself, so a vault the caller may not see is never loaded at all.
 */
@Repository
class VaultRepository {

  private static final String VAULT_COLUMNS =
      "v.id, v.name, v.client, v.created_at, v.require_reason, v.ticket_pattern, v.high_value, m.role";

  /**
   * The caller's live roles per vault: a direct membership, a group's grant, an approved
   * just-in-time request whose time has not run out. A vault can appear once per source, and
   * {@link #highestRolePerVault} keeps the strongest, so a grant never lowers a lasting role and
   * its end leaves that role as it was.
   */
  private static final String LIVE_ROLES = """
       FROM vault v JOIN (
          SELECT vault_id, role FROM vault_member
          WHERE user_id = :userId AND (expires_at IS NULL OR expires_at > :now)
        UNION ALL
          SELECT g.vault_id, g.role FROM vault_group_grant g JOIN group_member gm ON gm.group_id = g.group_id
          WHERE gm.user_id = :userId AND (g.expires_at IS NULL OR g.expires_at > :now)
        UNION ALL
          SELECT vault_id, role FROM access_request
          WHERE requester_id = :userId AND status = 'approved' AND grant_until > :now
      ) m ON m.vault_id = v.id""";
  private static final String VISIBLE_VAULTS = "SELECT " + VAULT_COLUMNS + LIVE_ROLES;

  /**
   * The caller's live roles in one vault (kind 2), the organisation's rules (kind 0) and the vault's
   * (kind 1), as one result: the rules' rows put the rule's id, name and creation time in the
   * vault's columns and add {@code zone} and {@code expression}, read by {@link RuleSetRows}. An
   * owner without rules gives one row whose {@code id} is null. The NULLs of the first branch are
   * typed for PostgreSQL, which types a UNION's columns from its first branches.
   */
  private static final String VISIBLE_WITH_RULES = "SELECT 2 AS kind, " + VAULT_COLUMNS
      + ", CAST(NULL AS TEXT) AS zone, CAST(NULL AS TEXT) AS expression" + LIVE_ROLES + """
       WHERE v.id = :vaultId
      UNION ALL
      SELECT 0, r.id, r.name, NULL, r.created_at, NULL, NULL, NULL, NULL, s.time_zone, r.expression
      FROM org_policy_settings s LEFT JOIN org_policy_rule r ON s.id = 1
      WHERE s.id = 1
      UNION ALL
      SELECT 1, r.id, r.name, NULL, r.created_at, NULL, NULL, NULL, NULL, v.policy_time_zone, r.expression
      FROM vault v LEFT JOIN vault_policy_rule r ON r.vault_id = v.id
      WHERE v.id = :vaultId
      ORDER BY kind, created_at, id""";

  private final JdbcClient jdbc;
  private final Clock clock;

  VaultRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void insert(VaultId id, String name, String client, UserId createdBy, Instant createdAt) {
    jdbc.sql("""
            INSERT INTO vault (id, name, client, created_at, created_by)
            VALUES (:id, :name, :client, :createdAt, :createdBy)""")
        .param("id", id.toString())
        .param("name", name)
        .param("client", client)
        .param("createdAt", createdAt.toEpochMilli())
        .param("createdBy", createdBy.toString())
        .update();
  }

  void addMember(VaultId vaultId, UserId userId, VaultRole role, Instant createdAt) {
    jdbc.sql("""
            INSERT INTO vault_member (vault_id, user_id, role, created_at)
            VALUES (:vaultId, :userId, :role, :createdAt)""")
        .param("vaultId", vaultId.toString())
        .param("userId", userId.toString())
        .param("role", role.wireName())
        .param("createdAt", createdAt.toEpochMilli())
        .update();
  }

  void updateRules(VaultId vaultId, ReleaseRules rules) {
    jdbc.sql("""
            UPDATE vault SET require_reason = :required, ticket_pattern = :pattern, high_value = :highValue
            WHERE id = :vaultId""")
        .param("required", rules.requireReason()).param("pattern", rules.ticketPattern())
        .param("highValue", rules.highValue())
        .param("vaultId", vaultId.toString())
        .update();
  }

  Optional<Vault> findVisible(VaultId vaultId, UserId userId) {
    return highestRolePerVault(jdbc.sql(VISIBLE_VAULTS + " WHERE v.id = :vaultId")
        .param("vaultId", vaultId.toString())
        .param("userId", userId.toString())
        .param("now", clock.millis())
        .query(VaultRepository::vault)
        .list()).stream().findFirst();
  }

  /**
   * {@link #findVisible} and the rule sets every request to the vault must pass (the organisation's,
   * then the vault's, as {@link VaultPolicyService} evaluates them), in one statement: a code
   * release reads both inside the group commit, where on PostgreSQL each statement is a round trip
   * on the writer's one connection. The organisation's rule tables belong to {@code policy/}, which
   * writes them; this statement only reads them. The rules are read whether or not the caller may
   * see the vault, and used only if they may.
   */
  VaultAccess findVisibleWithRules(VaultId vaultId, UserId userId) {
    List<Vault> roles = new java.util.ArrayList<>();
    RuleSetRows organisation = new RuleSetRows("zone");
    RuleSetRows own = new RuleSetRows("zone");
    jdbc.sql(VISIBLE_WITH_RULES)
        .param("vaultId", vaultId.toString())
        .param("userId", userId.toString())
        .param("now", clock.millis())
        .query((RowCallbackHandler) rs -> {
          switch (rs.getInt("kind")) {
            case 0 -> organisation.processRow(rs);
            case 1 -> own.processRow(rs);
            default -> roles.add(vault(rs, 0));
          }
        });
    return new VaultAccess(highestRolePerVault(roles).stream().findFirst(),
        List.of(organisation.toRuleSet(), own.toRuleSet()));
  }

  List<Vault> listVisible(UserId userId) {
    return highestRolePerVault(jdbc.sql(VISIBLE_VAULTS + " ORDER BY v.name, v.id")
        .param("userId", userId.toString())
        .param("now", clock.millis())
        .query(VaultRepository::vault)
        .list());
  }

  private static List<Vault> highestRolePerVault(List<Vault> rows) {
    java.util.Map<VaultId, Vault> strongest = new java.util.LinkedHashMap<>();
    for (Vault row : rows) {
      strongest.merge(row.id(), row, (a, b) -> a.role().includes(b.role()) ? a : b);
    }
    return List.copyOf(strongest.values());
  }

  private static Vault vault(ResultSet rs, int row) throws SQLException {
    return new Vault(VaultId.of(rs.getString("id")), rs.getString("name"), rs.getString("client"),
        Instant.ofEpochMilli(rs.getLong("created_at")), VaultRole.fromWire(rs.getString("role")),
        new ReleaseRules(rs.getBoolean("require_reason"), rs.getString("ticket_pattern"), rs.getBoolean("high_value")));
  }
}
