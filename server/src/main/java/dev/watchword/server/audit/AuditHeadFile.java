package dev.watchword.server.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newest signed checkpoint, copied to a file outside the database after each checkpoint
 * commits. Someone who deletes the newest events and their checkpoints from the database cannot
 * also roll this file back unless they control the file system too; point it at another volume or
 * have it shipped off the machine for the strongest guarantee.
 *
 * <p>Format: a JSON object {@code {"kind", "seq", "at", "hash", "signature"}}, binary values in
 * base64. Written to a temporary file and moved into place, so a reader never sees half a file.
 */
final class AuditHeadFile {

  /** The file's name inside the data directory, where the server keeps it unless told otherwise. */
  static final String DEFAULT_NAME = "audit-head.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Logger log = LoggerFactory.getLogger(AuditHeadFile.class);

  private final Path file;
  /** The newest seq in the file; read from the file before the first write of this process. */
  private Long written;

  AuditHeadFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /**
   * Writes {@code checkpoint} unless the file already holds a newer one. A file ahead of the
   * database (a restored backup, or deleted events) is kept as evidence, never overwritten; move
   * it aside once it has been looked at.
   */
  synchronized void write(Checkpoint checkpoint) {
    if (written == null) {
      written = existingSeq();
      if (checkpoint.seq() <= written) {
        log.error("The audit head file {} vouches for seq {}, ahead of the database's {}: kept as evidence;"
            + " run 'watchword audit verify', then move it aside", file, written, checkpoint.seq());
      }
    }
    if (checkpoint.seq() <= written) {
      return;
    }
    Base64.Encoder base64 = Base64.getEncoder();
    String json = JSON.writeValueAsString(JSON.createObjectNode()
        .put("kind", checkpoint.kind().wireName())
        .put("seq", checkpoint.seq())
        .put("at", checkpoint.at())
        .put("hash", base64.encodeToString(checkpoint.hash()))
        .put("signature", base64.encodeToString(checkpoint.signature())));
    try {
      // a temporary file of our own (several nodes may share a directory), on disk before the rename
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      written = checkpoint.seq();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the audit head file " + file, e);
    }
  }

  private long existingSeq() {
    try {
      return read().map(Checkpoint::seq).orElse(0L);
    } catch (RuntimeException unreadable) {
      return 0L;
    }
  }

  /** The checkpoint in the file; empty when there is no file yet. Throws when it is unreadable. */
  Optional<Checkpoint> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(Files.readString(file));
      Base64.Decoder base64 = Base64.getDecoder();
      return Optional.of(new Checkpoint(Checkpoint.Kind.of(node.path("kind").asString()),
          node.path("seq").asLong(), node.path("at").asLong(),
          base64.decode(node.path("hash").asString()), base64.decode(node.path("signature").asString())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the audit head file " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("The audit head file " + file + " is not a checkpoint", e);
    }
  }
}
