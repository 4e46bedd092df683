package dev.watchword.server.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database of an installation, for the offline tools ({@code audit verify}, {@code backup})
 * that run beside a live server or without one: PostgreSQL when a URL is given, else the data
 * directory's SQLite file opened read-only, so such a tool can never write to it.
 */
public final class OfflineDatabase {

  /** The embedded database's file name inside the data directory. */
  public static final String SQLITE_FILE = DatabaseConfiguration.SQLITE_FILE;

  /** The variable that gives the PostgreSQL URL without putting a password on the command line. */
  public static final String DB_URL_VARIABLE = "WATCHWORD_DB_URL";

  private OfflineDatabase() {}

  /**
   * The SQLite file read-only, or PostgreSQL as the URL gives it (a reader marks its own
   * transactions read-only there).
   *
   * @param dbUrl a PostgreSQL JDBC URL, or null for {@code dataDir}'s SQLite file
   * @throws IllegalStateException if there is no SQLite file (the message says where it looked)
   */
  public static DataSource open(Path dataDir, String dbUrl) {
    if (dbUrl != null) {
      return postgres(dbUrl);
    }
    Path file = dataDir.resolve(SQLITE_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no database at " + file + " (use --db-url for PostgreSQL)");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    return sqlite(file, config);
  }

  /** The SQLite file {@code file} (which the caller has checked or created) with {@code config}. */
  public static DataSource sqlite(Path file, SQLiteConfig config) {
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file);
    return sqlite;
  }

  /**
   * PostgreSQL at {@code dbUrl} with the server's {@link PostgresDriverSettings}, whose connection
   * failures never carry the URL: the JDBC driver manager names the whole URL (password included)
   * when no driver accepts it, and the offline tools print their failures on the terminal.
   *
   * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL (the message holds no part of it)
   */
  public static DriverManagerDataSource postgres(String dbUrl) {
    if (!dbUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:"
          + " (put the user and password in its query: ?user=…&password=…)");
    }
    DriverManagerDataSource postgres = new DriverManagerDataSource(dbUrl) {
      @Override
      public Connection getConnection() throws SQLException {
        try {
          return super.getConnection();
        } catch (SQLException e) {
          // A new exception, not a wrapper: the original's message (and its causes') may hold the URL.
          String message = e.getMessage() == null ? "" : e.getMessage().replace(dbUrl, "<database URL>");
          throw new SQLException("cannot connect to PostgreSQL: " + message, e.getSQLState());
        }
      }
    };
    postgres.setConnectionProperties(PostgresDriverSettings.get());
    return postgres;
  }

  /** The {@code --db-url} option if given, else {@value #DB_URL_VARIABLE} if set and not blank, else null. */
  public static String url(String option, java.util.Map<String, String> environment) {
    if (option != null) {
      return option;
    }
    String variable = environment.get(DB_URL_VARIABLE);
    return variable == null || variable.isBlank() ? null : variable.strip();
  }
}
