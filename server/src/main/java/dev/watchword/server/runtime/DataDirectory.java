package dev.watchword.server.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The directory that holds the embedded database and the master key file.
 *
 * <p>Guarantees: the directory exists and, on POSIX file systems, is created with mode 0700.
 * In development mode without an explicit directory it is a fresh temporary directory that
 * is deleted when the process stops.
 */
@Component
public class DataDirectory {

  private static final Path DEFAULT = Path.of("watchword-data");

  private final Path path;

  public DataDirectory(WatchwordProperties properties) {
    this.path = resolve(properties).toAbsolutePath().normalize();
  }

  public Path path() {
    return path;
  }

  public Path resolve(String fileName) {
    return path.resolve(fileName);
  }

  private static Path resolve(WatchwordProperties properties) {
    try {
      if (properties.dataDir() != null) {
        return createPrivateDirectory(properties.dataDir());
      }
      if (properties.dev() && properties.usesPostgres()) {
        // A throw-away directory would take the master key of lasting PostgreSQL data with it.
        throw new DataDirectoryRequiredException();
      }
      if (properties.dev()) {
        Path temporary = Files.createTempDirectory("watchword-dev-", OwnerOnly.attributes("rwx------"));
        // Best effort at shutdown: a temporary directory left behind holds no plaintext seed.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OwnerOnly.deleteRecursively(temporary)));
        return temporary;
      }
      return createPrivateDirectory(DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory: " + e.getMessage(), e);
    }
  }

  private static Path createPrivateDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, OwnerOnly.attributes("rwx------"));
    } else {
      OwnerOnly.tighten(directory, "rwx------");
    }
    return directory;
  }

}
