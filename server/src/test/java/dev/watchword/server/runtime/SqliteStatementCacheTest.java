package dev.watchword.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.util.DriverDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-connection statement cache under the SQLite pool, on a real SQLite file in WAL mode. */
class SqliteStatementCacheTest {

  private static final String BY_ID = "SELECT name FROM item WHERE id = ?";

  @TempDir
  Path dataDir;

  private SqliteStatementCache dataSource;

  @BeforeEach
  void createTable() throws SQLException {
    String url = "jdbc:sqlite:" + dataDir.resolve("cache.db") + "?journal_mode=WAL&synchronous=FULL";
    dataSource = new SqliteStatementCache(new DriverDataSource(url, "org.sqlite.JDBC", new Properties(), null, null));
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
      statement.execute("INSERT INTO item VALUES (1, 'one'), (2, 'two')");
    }
  }

  @Test
  void prepareWhenTheSameSqlComesBackAfterCloseThenTheStatementIsReusedWithFreshParameters() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      PreparedStatement first = connection.prepareStatement(BY_ID);
      assertThat(name(first, 1)).isEqualTo("one");
      first.close();

      PreparedStatement second = connection.prepareStatement(BY_ID);

      assertThat(second).isSameAs(first);
      assertThat(second.isClosed()).isFalse();
      assertThat(name(second, 2)).isEqualTo("two");
      second.close();
      assertThat(second.isClosed()).isTrue();
    }
  }

  @Test
  void prepareWhenTheSameSqlIsStillInUseThenATwinServesTheSecondUse() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement outer = connection.prepareStatement(BY_ID);
        PreparedStatement inner = connection.prepareStatement(BY_ID)) {
      outer.setLong(1, 1);
      try (ResultSet rows = outer.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(inner).isNotSameAs(outer);
        assertThat(name(inner, 2)).isEqualTo("two");
        assertThat(rows.getString(1)).isEqualTo("one");
      }
    }
  }

  @Test
  void closeWhenItsResultSetIsLeftOpenThenTheStatementIsResetAndLaterReadsSeeNewCommits() throws SQLException {
    try (Connection reader = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
      PreparedStatement count = reader.prepareStatement("SELECT COUNT(*) FROM item");
      ResultSet open = count.executeQuery();
      assertThat(open.next()).isTrue();
      assertThat(open.getInt(1)).isEqualTo(2);
      count.close(); // the result set is left open, as careless code might

      try (Statement insert = writer.createStatement()) {
        insert.execute("INSERT INTO item VALUES (3, 'three')");
      }

      try (PreparedStatement other = reader.prepareStatement("SELECT COUNT(*) FROM item WHERE id > 0");
          ResultSet rows = other.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).as("a stale read snapshot would still count 2").isEqualTo(3);
      }
    }
  }

  @Test
  void closeWhenExecutionFailedThenTheStatementIsNotReused() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)");
      insert.setLong(1, 1);
      insert.setString(2, "duplicate");
      assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class);
      insert.close();

      try (PreparedStatement again = connection.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
        assertThat(again).isNotSameAs(insert);
      }
    }
  }

  @Test
  void closeWhenASettingWasChangedThenTheStatementIsNotReused() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      PreparedStatement limited = connection.prepareStatement(BY_ID);
      limited.setMaxRows(1);
      limited.close();

      try (PreparedStatement again = connection.prepareStatement(BY_ID)) {
        assertThat(again).isNotSameAs(limited);
        assertThat(again.getMaxRows()).isZero();
      }
    }
  }

  @Test
  void prepareWhenMoreSqlThanTheCacheHoldsThenTheLeastRecentlyUsedIsDropped() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<PreparedStatement> statements = new ArrayList<>();
      for (int i = 0; i <= SqliteStatementCache.PER_CONNECTION; i++) {
        PreparedStatement statement = connection.prepareStatement("SELECT name FROM item WHERE id = ? + " + i);
        statement.close();
        statements.add(statement);
      }

      try (PreparedStatement newest = connection.prepareStatement(
          "SELECT name FROM item WHERE id = ? + " + SqliteStatementCache.PER_CONNECTION);
          PreparedStatement oldest = connection.prepareStatement("SELECT name FROM item WHERE id = ? + 0")) {
        assertThat(newest).isSameAs(statements.get(statements.size() - 1));
        assertThat(oldest).isNotSameAs(statements.get(0));
        assertThat(name(oldest, 1)).isEqualTo("one");
      }
    }
  }

  @Test
  void prepareWhenTheConnectionWasClosedThenItsStatementsAreGone() throws SQLException {
    Connection connection = dataSource.getConnection();
    PreparedStatement statement = connection.prepareStatement(BY_ID);
    statement.close();
    connection.close();

    assertThatThrownBy(() -> connection.prepareStatement(BY_ID)).isInstanceOf(SQLException.class);
  }

  private static String name(PreparedStatement statement, long id) throws SQLException {
    statement.setLong(1, id);
    try (ResultSet rows = statement.executeQuery()) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
