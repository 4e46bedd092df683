package dev.watchword.server.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link function of the audit chain: {@code hash(n) = HMAC-SHA256(chainKey, hash(n-1) ||
 * encode(event n))}, where {@code encode} is an unambiguous length-prefixed encoding of the
 * sequence number, the time and every field (a {@code null} field differs from an empty one).
 *
 * <p>Guarantees: changing any stored field, the order of two events, or the predecessor's hash
 * changes the link; without the chain key (sealed under the master key, never in the database
 * in the clear) nobody can compute a valid link for an edited event, so a consistent rewrite of
 * the chain needs the master key as well as write access to the database.
 */
final class AuditChain {

  /** The predecessor of the first event. */
  static final byte[] GENESIS = new byte[32];

  private static final String ALGORITHM = "HmacSHA256";

  /**
   * Keyed once; never used itself, only cloned. {@code Mac.getInstance} and {@code init} search
   * the providers and derive the key pads on every call, which the group commit writer would pay
   * per event; a clone copies the keyed state. Cloning only reads it, so links are computed safely
   * from several threads.
   */
  private final Mac keyed;

  AuditChain(byte[] chainKey) {
    try {
      this.keyed = Mac.getInstance(ALGORITHM);
      keyed.init(new SecretKeySpec(chainKey, ALGORITHM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  byte[] link(byte[] previousHash, StoredEvent event) {
    Mac mac = fresh();
    mac.update(previousHash);
    mac.update(encode(event));
    return mac.doFinal();
  }

  private Mac fresh() {
    try {
      return (Mac) keyed.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HMAC-SHA256 of this JVM cannot be cloned", e);
    }
  }

  boolean verifies(byte[] previousHash, StoredEvent event, byte[] storedHash) {
    return storedHash != null && MessageDigest.isEqual(link(previousHash, event), storedHash);
  }

  static byte[] encode(StoredEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(1); // encoding version
      out.writeLong(event.seq());
      out.writeLong(event.at());
      for (String field : new String[] {event.actorId(), event.actorName(), event.action(), event.vaultId(),
          event.entryId(), event.decision(), event.reason(), event.clientIp(), event.userAgent(),
          event.sessionId(), event.rule(), event.detail()}) {
        writeField(out, field);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeField(DataOutputStream out, String field) throws IOException {
    if (field == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }
}
