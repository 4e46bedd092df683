package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Appends each event as one line of JSON (JSON Lines) to a file, creating it owner-only
 * ({@code rw-------}).
 *
 * <p>Guarantees: a batch counts as delivered only after its lines are written and synced to disk
 * ({@code fsync}). The file is opened in append mode for each batch and closed after, so
 * logrotate works in either mode: {@code copytruncate}, or move-and-create (the next batch
 * creates a fresh file; no signal needed). If a crash left a torn last line, the next batch
 * starts on a new line, so only that one line fails to parse; its event follows again.
 */
final class FileSink implements AuditSink {

  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path path;

  FileSink(Path path) {
    this.path = path.toAbsolutePath();
  }

  @Override
  public String name() {
    return "file";
  }

  @Override
  public void deliver(List<AuditRecord> batch) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream(batch.size() * 512);
    for (AuditRecord event : batch) {
      lines.writeBytes(EventJson.event(event));
      lines.write('\n');
    }
    try {
      boolean created = createIfMissing();
      boolean torn = endsTorn(path);
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        if (torn) {
          write(channel, new byte[] {'\n'});
        }
        write(channel, lines.toByteArray());
        channel.force(true);
      }
      if (created) {
        syncDirectory();
      }
    } catch (IOException e) {
      throw DeliveryException.transientFailure("file " + path + ": " + DeliveryException.describe(e), e);
    }
  }

  private boolean createIfMissing() throws IOException {
    if (Files.exists(path)) {
      return false;
    }
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(path, OWNER_ONLY);
      } else {
        Files.createFile(path);
      }
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return false;
    }
  }

  /** Whether the file's last line lacks its newline (only this sink appends, so it stays so until we write). */
  private static boolean endsTorn(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, size - 1);
      return last.get(0) != '\n';
    }
  }

  private static void write(FileChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** A new file's directory entry is durable only once its directory is synced too. */
  private void syncDirectory() {
    try (FileChannel directory = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // some platforms cannot open a directory; the file's own fsync still holds its data
    }
  }

  @Override
  public void close() {
    // nothing is held open between batches
  }
}
