package dev.watchword.server.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and directories that hold Watchword's data are the owner's only: wrapped keys, token
 * hashes and the audit are for the service account's eyes. Creates them so, takes group and other
 * permissions away from existing ones (and says so in the log), and removes private trees.
 */
public final class OwnerOnly {

  private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private OwnerOnly() {}

  /** {@code mode} ({@code rw-------}, {@code rwx------}) as a creation attribute where the file system has modes. */
  public static FileAttribute<?>[] attributes(String mode) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
  }

  /** Deletes {@code root} and everything below it, as far as it can; true when nothing is left. */
  public static boolean deleteRecursively(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // what could not be deleted is still there: the answer says so
    }
    return !Files.exists(root);
  }

  static void tighten(Path path, String mode) throws IOException {
    if (!Files.exists(path) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
    if (current.stream().noneMatch(GROUP_OR_OTHERS::contains)) {
      return;
    }
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    log.warn("{} was accessible to other users (mode {}); changed it to {}", path,
        PosixFilePermissions.toString(current), mode);
  }
}
