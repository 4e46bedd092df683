package dev.watchword.server.runtime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the prepared statements of each SQLite connection for reuse. The SQLite driver compiles a
 * statement's SQL anew on every {@code prepareStatement}, which for the joins of a code release
 * costs more than running them; Spring prepares a statement per call and Hikari caches none. This
 * sits under the pool, between Hikari and the driver: a statement closed by its user goes back to
 * its connection's cache, with its parameters cleared, and the next {@code prepareStatement} of
 * the same SQL on that connection gets it again.
 *
 * <p>Guarantees: a cached statement is handed to one user at a time (a statement still open when
 * its SQL is prepared again on the same connection gets a fresh, uncached twin); a statement whose
 * execution failed, or whose settings (query timeout, maximum rows, fetch size …) were changed, is
 * closed for real, not reused; at most {@value #PER_CONNECTION} statements per connection, the
 * least recently used closed first; closing the connection closes its statements. Only
 * {@code prepareStatement(String)} is cached: every other way to create a statement passes
 * through. A connection is used by one thread at a time, as a pool hands it out.
 */
final class SqliteStatementCache implements DataSource {

  static final int PER_CONNECTION = 64;

  /** Statement methods whose effect would outlive one use. */
  private static final Set<String> SETTINGS = Set.of("setMaxRows", "setLargeMaxRows", "setQueryTimeout",
      "setFetchSize", "setFetchDirection", "setMaxFieldSize", "setEscapeProcessing", "setPoolable",
      "setCursorName", "addBatch", "closeOnCompletion");

  private final DataSource driver;

  SqliteStatementCache(DataSource driver) {
    this.driver = driver;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return cached(driver.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return cached(driver.getConnection(username, password));
  }

  private static Connection cached(Connection connection) {
    return (Connection) Proxy.newProxyInstance(SqliteStatementCache.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new CachingConnection(connection));
  }

  /** One physical connection and the statements it has prepared. */
  private static final class CachingConnection implements InvocationHandler {

    private final Connection connection;
    private final Map<String, CachedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CachedStatement> eldest) {
        if (size() <= PER_CONNECTION) {
          return false;
        }
        eldest.getValue().evicted();
        return true;
      }
    };

    CachingConnection(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
        return prepare((String) args[0]);
      }
      if (method.getName().equals("close")) {
        closeAll();
      }
      return invokeOn(connection, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
      CachedStatement cached = statements.get(sql);
      if (cached != null && cached.take()) {
        return cached.proxy;
      }
      if (cached != null && cached.isDead()) {
        // failed once or had a setting changed, and closed since: replace it rather than give out
        // an uncached twin for this SQL for the rest of the connection's life
        statements.remove(sql);
        cached = null;
      }
      PreparedStatement statement = connection.prepareStatement(sql);
      if (cached != null) {
        // the cached one is still open higher up the stack: this twin is closed after its use
        return statement;
      }
      CachedStatement fresh = new CachedStatement(statement);
      statements.put(sql, fresh);
      fresh.take();
      return fresh.proxy;
    }

    private void closeAll() {
      List<CachedStatement> all = new ArrayList<>(statements.values());
      statements.clear();
      all.forEach(CachedStatement::evicted);
    }
  }

  /** A statement and whether someone uses it now. */
  private static final class CachedStatement implements InvocationHandler {

    private final PreparedStatement statement;
    private final PreparedStatement proxy;
    private ResultSet results;
    private boolean inUse;
    private boolean reusable = true;
    private boolean evicted;

    CachedStatement(PreparedStatement statement) {
      this.statement = statement;
      this.proxy = (PreparedStatement) Proxy.newProxyInstance(SqliteStatementCache.class.getClassLoader(),
          new Class<?>[] {PreparedStatement.class}, this);
    }

    boolean take() {
      if (inUse || !reusable || evicted) {
        return false;
      }
      inUse = true;
      return true;
    }

    /** Closed for good: no one uses it, and it will never be handed out again. */
    boolean isDead() {
      return !inUse && (!reusable || evicted);
    }

    /** Out of the cache: closed now, or when its user closes it. */
    void evicted() {
      evicted = true;
      if (!inUse) {
        closeQuietly();
      }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close" -> {
          release();
          return null;
        }
        case "isClosed" -> {
          return !inUse || statement.isClosed();
        }
        default -> {
          if (SETTINGS.contains(method.getName())) {
            reusable = false;
          }
          try {
            Object result = invokeOn(statement, method, args);
            if (result instanceof ResultSet opened) {
              results = opened;
            }
            return result;
          } catch (SQLException | RuntimeException failed) {
            reusable = false;
            throw failed;
          }
        }
      }
    }

    /**
     * Back into the cache: its last result set closed, which resets the SQLite statement (a
     * statement left stepping would hold its connection's read snapshot open), and its
     * parameters cleared.
     */
    private void release() throws SQLException {
      if (!inUse) {
        return;
      }
      inUse = false;
      if (!reusable || evicted) {
        evicted = true;
        statement.close();
        return;
      }
      try {
        if (results != null) {
          results.close();
          results = null;
        }
        statement.clearParameters();
      } catch (SQLException e) {
        reusable = false;
        evicted = true;
        statement.close();
      }
    }

    private void closeQuietly() {
      try {
        statement.close();
      } catch (SQLException e) {
        // the connection is going away with it
      }
    }
  }

  private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return driver.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    driver.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    driver.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return driver.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return driver.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return driver.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || driver.isWrapperFor(type);
  }
}
