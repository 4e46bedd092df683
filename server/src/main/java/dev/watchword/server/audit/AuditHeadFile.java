package dev.watchword.server.audit;

import java.io.IOException;
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

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private long written = -1;

  AuditHeadFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** Writes {@code checkpoint} unless a newer one was already written by this process. */
  synchronized void write(Checkpoint checkpoint) {
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
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, json + "\n");
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
