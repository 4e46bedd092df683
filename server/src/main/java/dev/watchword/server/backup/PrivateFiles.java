package dev.watchword.server.backup;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files a backup or restore creates: the owner's only, as the data directory's own files are. */
final class PrivateFiles {

  private PrivateFiles() {}

  /** {@code mode} ({@code rw-------}, {@code rwx------}) as a creation attribute where the file system has modes. */
  static FileAttribute<?>[] ownerOnly(String mode) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
  }

  /** A new file (never an existing one) with mode 0600 and {@code content}. */
  static void write(Path file, byte[] content) throws IOException {
    Files.write(Files.createFile(file, ownerOnly("rw-------")), content);
  }

  static void deleteRecursively(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // told below
    }
    if (Files.exists(root)) {
      // A staging directory may hold master.key and the database: together they open every seed.
      // It is private (0700), but the operator must know to remove it.
      System.err.println("watchword: could not remove " + root + " completely; it may hold the master key"
          + " and the database: delete it by hand");
    }
  }
}
