package dev.watchword.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

  private static Path createDataDir() {
    try {
      return Files.createTempDirectory("watchword-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
