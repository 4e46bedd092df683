package dev.watchword.server.audit;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A copy of the audit tables taken before a test tampers with them, put back afterwards so the
 * server's log is whole again for the tests that follow on the same database.
 */
final class AuditTables implements AutoCloseable {

  private static final List<String> TABLES = List.of("audit_event", "audit_checkpoint", "audit_head");

  private final JdbcClient jdbc;
  private final Map<String, List<Map<String, Object>>> rows;

  private AuditTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.rows = TABLES.stream().collect(java.util.stream.Collectors.toMap(t -> t,
        t -> jdbc.sql("SELECT * FROM " + t).query().listOfRows()));
  }

  static AuditTables snapshot(JdbcClient jdbc) {
    return new AuditTables(jdbc);
  }

  @Override
  public void close() {
    for (String table : TABLES) {
      jdbc.sql("DELETE FROM " + table).update();
      for (Map<String, Object> row : rows.get(table)) {
        String columns = String.join(", ", row.keySet());
        String values = ":" + String.join(", :", row.keySet());
        jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")").params(row).update();
      }
    }
  }
}
