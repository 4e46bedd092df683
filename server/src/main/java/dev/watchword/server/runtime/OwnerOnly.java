package dev.watchword.server.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes group and other permissions away from an existing file or directory that holds
 * Watchword's data, and says so in the log: wrapped keys, token hashes and the audit are for
 * the service account's eyes only.
 */
final class OwnerOnly {

  private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private OwnerOnly() {}

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
