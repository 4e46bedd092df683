package dev.watchword.server.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A signed statement "the chain's link at {@code seq} is {@code hash}, as of {@code at}". A
 * {@code checkpoint} is cut every N events or minutes; an {@code anchor} marks where the log
 * starts after retention pruned the events before it. The kind is part of what is signed, so a
 * checkpoint cannot be passed off as an anchor to hide a deleted prefix.
 */
record Checkpoint(Kind kind, long seq, long at, byte[] hash, byte[] signature) {

  enum Kind {
    CHECKPOINT("checkpoint"), ANCHOR("anchor");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    String wireName() {
      return wireName;
    }

    static Kind of(String wireName) {
      return "anchor".equals(wireName) ? ANCHOR : CHECKPOINT;
    }
  }

  static Checkpoint sign(Kind kind, long seq, long at, byte[] hash, AuditKeys keys) {
    return new Checkpoint(kind, seq, at, hash.clone(), keys.sign(message(kind, seq, at, hash)));
  }

  boolean verifiedBy(AuditKeys keys) {
    return signature != null && hash != null && keys.verifies(signature, message(kind, seq, at, hash));
  }

  static byte[] message(Kind kind, long seq, long at, byte[] hash) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write("watchword-audit-checkpoint-v1".getBytes(StandardCharsets.US_ASCII));
      out.writeUTF(kind.wireName());
      out.writeLong(seq);
      out.writeLong(at);
      out.write(hash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
