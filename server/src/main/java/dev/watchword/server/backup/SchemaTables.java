package dev.watchword.server.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Watchword's tables as the JDBC metadata of one connection sees them: every table of the
 * connection's schema except Flyway's history (the restore's Flyway writes its own) and SQLite's
 * internal ones. Read from the database rather than listed here, so a table a later migration adds
 * is backed up without anyone remembering to add it.
 */
final class SchemaTables {

  static final String FLYWAY_HISTORY = "flyway_schema_history";

  private final Connection connection;
  private final DatabaseMetaData metadata;
  private final String schemaPattern;

  SchemaTables(Connection connection) throws SQLException {
    this.connection = connection;
    this.metadata = connection.getMetaData();
    String schema = connection.getSchema();
    this.schemaPattern = schema == null ? null : escape(schema);
  }

  /** Every table of the schema, Flyway's history and SQLite's own included, in name order. */
  Set<String> all() throws SQLException {
    Set<String> names = new TreeSet<>();
    try (ResultSet tables = metadata.getTables(null, schemaPattern, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /**
   * Watchword's tables, each after every table it references, so rows can be inserted in this order
   * with foreign keys enforced; ties in name order, so two backups of one schema list tables alike.
   */
  List<String> inDependencyOrder() throws SQLException {
    Map<String, Set<String>> references = new TreeMap<>();
    for (String table : all()) {
      if (!table.equals(FLYWAY_HISTORY) && !table.startsWith("sqlite_")) {
        references.put(table, referencedBy(table));
      }
    }
    List<String> ordered = new ArrayList<>();
    while (!references.isEmpty()) {
      String ready = references.entrySet().stream()
          .filter(e -> e.getValue().stream().noneMatch(references::containsKey))
          .map(Map.Entry::getKey).findFirst()
          .orElseThrow(() -> new IllegalStateException("the foreign keys among " + references.keySet()
              + " form a cycle"));
      ordered.add(ready);
      references.remove(ready);
    }
    return ordered;
  }

  /**
   * The table's columns and their {@link java.sql.Types}, in the table's order. Read from an empty
   * query rather than {@code getColumns}, whose name patterns the SQLite driver matches loosely.
   */
  Map<String, Integer> columnTypes(String table) throws SQLException {
    Map<String, Integer> columns = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData described = none.getMetaData();
      for (int i = 1; i <= described.getColumnCount(); i++) {
        columns.put(described.getColumnName(i).toLowerCase(Locale.ROOT), described.getColumnType(i));
      }
    }
    return columns;
  }

  String schema() throws SQLException {
    return connection.getSchema();
  }

  private Set<String> referencedBy(String table) throws SQLException {
    Set<String> referenced = new TreeSet<>();
    try (ResultSet keys = metadata.getImportedKeys(null, schemaPattern == null ? null : connection.getSchema(),
        table)) {
      while (keys.next()) {
        String target = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
        if (!target.equals(table)) {
          referenced.add(target);
        }
      }
    }
    return referenced;
  }

  /** A name as a metadata search pattern that matches only itself ('_' and '%' are wildcards there). */
  private String escape(String name) throws SQLException {
    String escape = metadata.getSearchStringEscape();
    return escape == null || escape.isEmpty() ? name
        : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }
}
