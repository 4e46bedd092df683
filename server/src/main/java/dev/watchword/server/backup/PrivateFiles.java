package dev.watchword.server.backup;

import dev.watchword.server.runtime.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a backup or restore creates: the owner's only, as the data directory's own files are. */
final class PrivateFiles {

  private PrivateFiles() {}

  /** A new file (never an existing one) with mode 0600 and {@code content}. */
  static void write(Path file, byte[] content) throws IOException {
    Files.write(Files.createFile(file, OwnerOnly.attributes("rw-------")), content);
  }

  static void deleteRecursively(Path root) {
    if (!OwnerOnly.deleteRecursively(root)) {
      // A staging directory may hold master.key and the database: together they open every seed.
      // It is private (0700), but the operator must know to remove it.
      System.err.println("watchword: could not remove " + root + " completely; it may hold the master key"
          + " and the database: delete it by hand");
    }
  }
}
