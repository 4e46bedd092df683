package dev.watchword.server.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads a rule set from one statement that joins the owner's zone to its rules: each row has the
 * zone column and {@code id}, {@code name}, {@code expression}, in evaluation order; an owner
 * without rules gives one row whose {@code id} is null. Not thread-safe: one per statement.
 */
public final class RuleSetRows implements RowCallbackHandler {

  private final String zoneColumn;
  private final List<PolicyRule> rules = new ArrayList<>();
  private String zone;

  public RuleSetRows(String zoneColumn) {
    this.zoneColumn = zoneColumn;
  }

  @Override
  public void processRow(ResultSet rs) throws SQLException {
    zone = rs.getString(zoneColumn);
    if (rs.getString("id") != null) {
      rules.add(new PolicyRule(rs.getString("id"), rs.getString("name"), rs.getString("expression")));
    }
  }

  /** The rules read, in the zone read; UTC when no row was (an owner that does not exist has no rules). */
  public RuleSet toRuleSet() {
    return new RuleSet(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone), rules);
  }
}
