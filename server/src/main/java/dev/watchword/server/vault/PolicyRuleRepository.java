package dev.watchword.server.vault;

import dev.watchword.server.runtime.InLists;
import dev.watchword.server.policy.PolicyRule;
import dev.watchword.server.policy.RuleSet;
import dev.watchword.server.policy.RuleSetRows;
import dev.watchword.server.policy.StoredRule;
import dev.watchword.server.shared.VaultId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A vault's context policy rules and its policy time zone; every statement is scoped by vault id. */
@Repository
class PolicyRuleRepository {

  private final JdbcClient jdbc;

  PolicyRuleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The rule sets of {@code vaults} at once (a vault that does not exist is absent), one statement
   * per {@link InLists} list: for pages that weigh many vaults.
   */
  Map<VaultId, RuleSet> ruleSets(Collection<VaultId> vaults) {
    Map<String, RuleSetRows> rowsByVault = new HashMap<>();
    for (List<String> some : InLists.of(vaults)) {
      jdbc.sql("""
              SELECT v.id AS vault_id, v.policy_time_zone, r.id, r.name, r.expression
              FROM vault v LEFT JOIN vault_policy_rule r ON r.vault_id = v.id
              WHERE v.id IN (:vaultIds) ORDER BY v.id, r.created_at, r.id""")
          .param("vaultIds", some)
          .query(rs -> {
            rowsByVault.computeIfAbsent(rs.getString("vault_id"), id -> new RuleSetRows("policy_time_zone"))
                .processRow(rs);
          });
    }
    Map<VaultId, RuleSet> sets = new HashMap<>();
    rowsByVault.forEach((id, rows) -> sets.put(VaultId.of(id), rows.toRuleSet()));
    return sets;
  }

  /** The vault's rules, oldest first: the order they are evaluated in. */
  List<StoredRule> list(VaultId vaultId) {
    return jdbc.sql("""
            SELECT id, name, expression, created_at FROM vault_policy_rule
            WHERE vault_id = :vaultId ORDER BY created_at, id""")
        .param("vaultId", vaultId.toString())
        .query((rs, row) -> new StoredRule(new PolicyRule(rs.getString("id"), rs.getString("name"),
            rs.getString("expression")), Instant.ofEpochMilli(rs.getLong("created_at"))))
        .list();
  }

  void insert(VaultId vaultId, PolicyRule rule, Instant createdAt) {
    jdbc.sql("""
            INSERT INTO vault_policy_rule (id, vault_id, name, expression, created_at)
            VALUES (:id, :vaultId, :name, :expression, :createdAt)""")
        .param("id", rule.id())
        .param("vaultId", vaultId.toString())
        .param("name", rule.name())
        .param("expression", rule.expression())
        .param("createdAt", createdAt.toEpochMilli())
        .update();
  }

  /** Whether a rule of this vault was removed; a rule of another vault is never touched. */
  boolean delete(VaultId vaultId, String ruleId) {
    return jdbc.sql("DELETE FROM vault_policy_rule WHERE vault_id = :vaultId AND id = :id")
        .param("vaultId", vaultId.toString())
        .param("id", ruleId)
        .update() == 1;
  }

  ZoneId timeZone(VaultId vaultId) {
    return jdbc.sql("SELECT policy_time_zone FROM vault WHERE id = :vaultId")
        .param("vaultId", vaultId.toString())
        .query(String.class)
        .optional()
        .map(ZoneId::of)
        .orElse(ZoneId.of("UTC"));
  }

  void updateTimeZone(VaultId vaultId, ZoneId zone) {
    jdbc.sql("UPDATE vault SET policy_time_zone = :zone WHERE id = :vaultId")
        .param("zone", zone.getId())
        .param("vaultId", vaultId.toString())
        .update();
  }
}
