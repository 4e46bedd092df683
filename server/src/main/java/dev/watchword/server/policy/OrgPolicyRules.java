package dev.watchword.server.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation-wide rules and their time zone (tables of migration V17). */
@Repository
class OrgPolicyRules {

  private final JdbcClient jdbc;

  OrgPolicyRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The rules, oldest first, with the zone, in one statement. A request to one vault reads the same
   * rows within the statement that reads the caller's role ({@code vault/VaultRepository}).
   */
  RuleSet current() {
    RuleSetRows rows = new RuleSetRows("time_zone");
    jdbc.sql("""
            SELECT s.time_zone, r.id, r.name, r.expression
            FROM org_policy_settings s LEFT JOIN org_policy_rule r ON s.id = 1
            WHERE s.id = 1 ORDER BY r.created_at, r.id""")
        .query(rows);
    return rows.toRuleSet();
  }

  List<StoredRule> list() {
    return jdbc.sql("SELECT id, name, expression, created_at FROM org_policy_rule ORDER BY created_at, id")
        .query((rs, row) -> new StoredRule(new PolicyRule(rs.getString("id"), rs.getString("name"),
            rs.getString("expression")), Instant.ofEpochMilli(rs.getLong("created_at"))))
        .list();
  }

  void insert(PolicyRule rule, Instant createdAt) {
    jdbc.sql("""
            INSERT INTO org_policy_rule (id, name, expression, created_at)
            VALUES (:id, :name, :expression, :createdAt)""")
        .param("id", rule.id()).param("name", rule.name()).param("expression", rule.expression())
        .param("createdAt", createdAt.toEpochMilli())
        .update();
  }

  boolean delete(String ruleId) {
    return jdbc.sql("DELETE FROM org_policy_rule WHERE id = :id").param("id", ruleId).update() == 1;
  }

  void updateTimeZone(ZoneId zone) {
    jdbc.sql("UPDATE org_policy_settings SET time_zone = :zone WHERE id = 1").param("zone", zone.getId()).update();
  }
}
