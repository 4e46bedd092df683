package dev.watchword.server.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;

/**
 * One consistent snapshot of a running or stopped installation's database, read in a single
 * transaction: on PostgreSQL {@code REPEATABLE READ, READ ONLY}, so every table is read as of the
 * same instant while writers go on; on SQLite one read transaction on a read-only connection,
 * which in WAL mode sees the database as of its first read and blocks no writer.
 *
 * <p>Guarantees: the rows of every Watchword table and the list of applied migrations come from
 * the same snapshot, so the audit chain, its head and its checkpoints agree with each other and
 * with the entries and keys; nothing is written to the source.
 */
final class DatabaseSnapshot implements AutoCloseable {

  private static final int FETCH_ROWS = 1000;

  private final Connection connection;
  private final boolean postgres;

  /** Starts the snapshot's transaction on {@code connection}, which this snapshot closes. */
  DatabaseSnapshot(Connection connection) throws SQLException {
    this.connection = connection;
    this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    if (postgres) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
    }
    connection.setAutoCommit(false);
  }

  String database() {
    return postgres ? "postgresql" : "sqlite";
  }

  /** The versioned migrations Flyway applied, oldest first; the first read of the snapshot. */
  List<String> schemaVersions() throws SQLException {
    List<MigrationVersion> versions = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM " + SchemaTables.FLYWAY_HISTORY
            + " WHERE success AND version IS NOT NULL")) {
      while (rows.next()) {
        versions.add(MigrationVersion.fromVersion(rows.getString(1)));
      }
    }
    return versions.stream().sorted().map(MigrationVersion::getVersion).toList();
  }

  /** Writes every Watchword table, in an order in which they can be inserted again. */
  void writeTables(ContentsWriter out) throws SQLException {
    for (String table : new SchemaTables(connection).inDependencyOrder()) {
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(FETCH_ROWS);
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData columns = rows.getMetaData();
          List<String> names = new ArrayList<>();
          for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
          }
          out.table(table, names);
          while (rows.next()) {
            List<Object> values = new ArrayList<>(names.size());
            for (int i = 1; i <= names.size(); i++) {
              values.add(value(rows.getObject(i), table, names.get(i - 1)));
            }
            out.row(values);
          }
          out.endTable();
        }
      }
    }
  }

  /** The JDBC value as one a backup carries; a type Watchword does not store is refused, not guessed. */
  private static Object value(Object value, String table, String column) {
    if (value == null || value instanceof String || value instanceof byte[] || value instanceof Boolean
        || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    throw new BackupRefusedException("column " + table + "." + column + " holds a "
        + value.getClass().getSimpleName() + ", a type that backups do not carry");
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
