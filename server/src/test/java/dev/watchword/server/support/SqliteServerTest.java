package dev.watchword.server.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on its embedded SQLite database in a fresh data directory. */
public abstract class SqliteServerTest extends ServerTestBase {

  protected static final Path DATA_DIR = createDataDir();

  @DynamicPropertySource
  static void sqlite(DynamicPropertyRegistry registry) {
    registry.add("watchword.data-dir", DATA_DIR::toString);
  }

  @Override
  public java.util.List<String> offlineAuditArgs() {
    return java.util.List.of("--data-dir", DATA_DIR.toString());
  }

  private static Path createDataDir() {
    return TemporaryDirectories.create("watchword-test-");
  }
}
