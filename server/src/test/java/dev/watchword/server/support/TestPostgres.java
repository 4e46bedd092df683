package dev.watchword.server.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, trust authentication, database {@code test}).
 * Tests on it are skipped where it is not running, except under {@code CI=true}, where its
 * absence fails the build instead.
 */
public final class TestPostgres {

  private static final String BASE_URL = System.getProperty("watchword.test.postgres-url",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String schema;
  private final Path dataDir;

  private TestPostgres(String schema, Path dataDir) {
    this.schema = schema;
    this.dataDir = dataDir;
  }

  /** The test server's URL (database {@code test}), for tests that need a connection and no schema. */
  public static String baseUrl() {
    return BASE_URL;
  }

  public static TestPostgres freshSchema() {
    String name = "ww_test_" + (System.currentTimeMillis() / 1000) + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    TestPostgres postgres = new TestPostgres(name, TemporaryDirectories.create("watchword-pg-test-"));
    Runtime.getRuntime().addShutdownHook(new Thread(postgres::dropQuietly));
    return postgres;
  }

  private void dropQuietly() {
    try (Connection connection = DriverManager.getConnection(BASE_URL);
        var statement = connection.createStatement()) {
      statement.setQueryTimeout(10);
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException ignored) {
      // not reachable or never created; a later run drops what is over an hour old
    }
  }

  /** Schemas that earlier runs left behind over an hour ago (a concurrent run's are younger). */
  private void dropStaleSchemas(Connection connection) throws SQLException {
    java.util.List<String> stale = new java.util.ArrayList<>();
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'ww\\_test\\_%'")) {
      while (rows.next()) {
        stale.add(rows.getString(1));
      }
    }
    for (String name : stale) {
      java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("ww_test_(\\d+)_[0-9a-f]{8}").matcher(name);
      long hourAgo = System.currentTimeMillis() / 1000 - 3600;
      if (matcher.matches() && Long.parseLong(matcher.group(1)) < hourAgo) {
        try (var statement = connection.createStatement()) {
          statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
      }
    }
  }

  public String schema() {
    return schema;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String jdbcUrl() {
    return BASE_URL + "&currentSchema=" + schema;
  }

  /** Creates this schema, empty, for a test that needs it before any server migrates it (a restore target). */
  public TestPostgres createSchema() {
    execute("CREATE SCHEMA " + schema);
    return this;
  }

  /** Runs one statement with this schema as the current one. */
  public void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(BASE_URL + "&currentSchema=" + schema);
        var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names of the tables in this schema. */
  public java.util.List<String> tables() {
    try (Connection connection = DriverManager.getConnection(BASE_URL);
        var statement = connection.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
      statement.setString(1, schema);
      java.util.List<String> names = new java.util.ArrayList<>();
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void assumeAvailable() {
    try (Connection connection = DriverManager.getConnection(BASE_URL)) {
      dropStaleSchemas(connection);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is required under CI=true", e);
      }
      Assumptions.abort("PostgreSQL is not reachable: " + e.getMessage());
    }
  }
}
