package dev.watchword.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.watchword.server.support.TemporaryDirectories;
import dev.watchword.server.support.TestPostgres;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failed batch on PostgreSQL, as an import's duplicate key would make it, leaves no bound value
 * and no row detail in the exception's messages (which reach the log), for the server's connection
 * pool and for the offline tools' connections alike.
 */
class PostgresDriverSettingsTest {

  private static final String URL = TestPostgres.baseUrl();
  private static final String VALUE = "sealed-seed-bytes-7f3a";

  @BeforeAll
  static void postgresIsThere() {
    TestPostgres.freshSchema().assumeAvailable();
  }

  @Test
  void batchWhenARowIsRefusedOnTheServersPoolThenNoValueInTheMessages() throws Exception {
    WatchwordProperties properties = new WatchwordProperties(TemporaryDirectories.create("watchword-pg-settings-"),
        URL, false, null, null);
    try (HikariDataSource pool = (HikariDataSource) new DatabaseConfiguration()
        .dataSource(properties, new DataDirectory(properties))) {
      assertRefusedWithoutTheValue(pool);
    }
  }

  @Test
  void batchWhenARowIsRefusedOnAnOfflineToolsConnectionThenNoValueInTheMessages() throws Exception {
    assertRefusedWithoutTheValue(OfflineDatabase.postgres(URL));
  }

  private static void assertRefusedWithoutTheValue(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("CREATE TEMP TABLE refused (id INT PRIMARY KEY, secret TEXT)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO refused (id, secret) VALUES (?, ?)")) {
        for (int i = 0; i < 3; i++) {
          insert.setInt(1, i % 2);
          insert.setString(2, VALUE);
          insert.addBatch();
        }
        assertThatThrownBy(insert::executeBatch).isInstanceOf(BatchUpdateException.class).satisfies(e -> {
          StringBuilder messages = new StringBuilder();
          for (SQLException next = (SQLException) e; next != null; next = next.getNextException()) {
            for (Throwable cause = next; cause != null; cause = cause.getCause()) {
              messages.append(cause.getMessage()).append('\n');
            }
          }
          assertThat(messages.toString()).contains("duplicate key").doesNotContain(VALUE).doesNotContain("(id)=(");
        });
      }
    }
  }
}
