package dev.watchword.server.runtime;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: PostgreSQL when {@code watchword.db-url} is set, otherwise the embedded
 * SQLite file {@code watchword.db} in the data directory.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL} (a committed audit event survives a
 * power loss) and opens every transaction with {@code BEGIN IMMEDIATE}: a transaction that
 * will write takes the write lock up front, so two concurrent read-then-write transactions
 * queue behind the busy timeout instead of failing with a lock upgrade error. Each SQLite
 * connection keeps its prepared statements ({@link SqliteStatementCache}); the PostgreSQL driver
 * caches its own.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  static final String SQLITE_FILE = "watchword.db";
  private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

  @Bean
  DataSource dataSource(WatchwordProperties properties, DataDirectory dataDirectory) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("watchword");
    if (properties.usesPostgres()) {
      config.setJdbcUrl(properties.dbUrl());
      config.setMaximumPoolSize(16);
      config.setDataSourceProperties(PostgresDriverSettings.get());
    } else {
      // The driver compiles a statement's SQL on every prepare: keep them per connection.
      config.setDataSource(new SqliteStatementCache(
          new DriverDataSource(sqliteUrl(dataDirectory), "org.sqlite.JDBC", new Properties(), null, null)));
      // One writer at a time is SQLite's nature; a few connections still let reads overlap.
      config.setMaximumPoolSize(4);
    }
    return new HikariDataSource(config);
  }

  static String sqliteUrl(DataDirectory dataDirectory) {
    Path file = dataDirectory.resolve(SQLITE_FILE);
    createOwnerOnly(file);
    return "jdbc:sqlite:" + file
        + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true"
        + "&busy_timeout=" + SQLITE_BUSY_TIMEOUT_MS
        + "&transaction_mode=IMMEDIATE";
  }

  /** SQLite gives its -wal and -shm files the database file's mode, so 0600 covers all three. */
  private static void createOwnerOnly(Path file) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      if (Files.exists(file)) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
          OwnerOnly.tighten(file.resolveSibling(file.getFileName() + suffix), "rw-------");
        }
        return;
      }
      Files.createFile(file, OwnerOnly.attributes("rw-------"));
    } catch (FileAlreadyExistsException raced) {
      // another process created it first; its mode is its own
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the database file " + file + ": " + e.getMessage(), e);
    }
  }
}
