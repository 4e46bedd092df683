package dev.watchword.server.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import dev.watchword.otp.imports.ImportFormatException;
import dev.watchword.otp.imports.ImportLimits;
import dev.watchword.otp.imports.PasswordKey;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The encrypted container of an installation backup, version 1: one line of JSON, the header,
 *
 * <pre>{"watchwordBackup":1,"kdf":{"algorithm":"argon2id","memoryKiB":65536,"iterations":3,"parallelism":1,"salt":B64},
 *  "cipher":{"algorithm":"AES256_GCM_HKDF_1MB"}}</pre>
 *
 * then the contents encrypted with Tink's streaming AEAD AES-GCM-HKDF: AES-256-GCM in 1 MiB
 * segments, under a key HKDF-SHA256 derives from the Argon2id key of the password and a random salt
 * of Tink's own header, each segment's nonce bound to its index and to whether it is the last.
 *
 * <p>Guarantees: the header line, exactly as written, is the associated data, so weakening its
 * cost or swapping its salt makes the file undecryptable; no plaintext leaves {@link #contents}
 * before its segment's tag verified, and a file cut short, reordered, or altered anywhere fails
 * (a segment out of place or a missing last segment is an error, not an early end); a wrong
 * password and an altered byte are the same {@link BackupRefusedException}; the Argon2id cost a
 * file states is checked against the import limits before anything is derived. The format is
 * streaming, so a backup of any size needs a few MiB of memory.
 */
final class BackupFile {

  static final String CIPHER = "AES256_GCM_HKDF_1MB";
  private static final int VERSION = 1;
  private static final int MAX_HEADER_BYTES = 4096;
  private static final int SEGMENT_BYTES = 1 << 20;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String WRONG_PASSWORD =
      "the password does not open this backup, or the file was altered or cut short";

  private final Path file;
  private final byte[] header;
  private final PasswordKey passwordKey;

  private BackupFile(Path file, byte[] header, PasswordKey passwordKey) {
    this.file = file;
    this.header = header;
    this.passwordKey = passwordKey;
  }

  /**
   * Writes a fresh header to {@code out} and returns the stream that encrypts the contents after
   * it; closing that stream writes the last segment and closes {@code out}.
   */
  static OutputStream create(OutputStream out, char[] password, SecureRandom random) throws IOException {
    PasswordKey passwordKey = PasswordKey.fresh(random);
    ObjectNode root = JSON.createObjectNode().put("watchwordBackup", VERSION);
    passwordKey.writeTo(root.putObject("kdf"));
    root.putObject("cipher").put("algorithm", CIPHER);
    byte[] header = JSON.writeValueAsBytes(root);
    out.write(header);
    out.write('\n');
    try {
      return aead(passwordKey, password).newEncryptingStream(out, header);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM-HKDF streaming is not available: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Reads and checks the header of {@code file}; needs no password yet, so a file that is not a
   * backup is refused before anyone is asked for one.
   *
   * @throws BackupRefusedException if the file is missing, is not a Watchword backup of a version
   *     this build reads, or states a cost beyond the limits
   */
  static BackupFile open(Path file) {
    byte[] header = readHeader(file);
    JsonNode root;
    try {
      root = JSON.readTree(header);
    } catch (JacksonException e) {
      throw new BackupRefusedException(file + " is not a Watchword backup (its first line is not JSON)");
    }
    if (!root.isObject() || !root.has("watchwordBackup")) {
      throw new BackupRefusedException(file + " is not a Watchword backup");
    }
    if (root.path("watchwordBackup").asInt(-1) != VERSION) {
      throw new BackupRefusedException(file + " is a backup of format version " + root.path("watchwordBackup")
          + ", which this version of Watchword does not read; restore it with the version that made it");
    }
    if (!CIPHER.equals(root.path("cipher").path("algorithm").asString(null))) {
      throw new BackupRefusedException(file + " names a cipher other than " + CIPHER);
    }
    try {
      return new BackupFile(file, header, PasswordKey.read(root.get("kdf"), ImportLimits.defaults()));
    } catch (ImportFormatException refused) {
      throw new BackupRefusedException(file + ": " + refused.getMessage());
    }
  }

  /**
   * Derives the key (Argon2id: a fraction of a second and 64 MiB) and returns what opens the
   * contents, as often as needed; nothing is decrypted yet.
   */
  Contents unlock(char[] password) {
    try {
      return new Contents(aead(passwordKey, password));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM-HKDF streaming is not available: " + e.getClass().getSimpleName());
    }
  }

  /** The contents of one unlocked backup file. */
  final class Contents {

    private final StreamingAead aead;

    private Contents(StreamingAead aead) {
      this.aead = aead;
    }

    /**
     * A fresh stream of the decrypted contents. Reading it throws {@link BackupRefusedException}
     * at the first segment that does not verify (at once for a wrong password), and {@link
     * UncheckedIOException} if the file itself cannot be read.
     */
    InputStream open() {
      try {
        InputStream raw = Files.newInputStream(file);
        raw.skipNBytes(header.length + 1L);
        InputStream decrypted = aead.newDecryptingStream(new Rethrowing(raw, UncheckedIOException::new), header);
        return new Rethrowing(decrypted, notVerified -> new BackupRefusedException(WRONG_PASSWORD));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      } catch (GeneralSecurityException e) {
        throw new BackupRefusedException(WRONG_PASSWORD);
      }
    }
  }

  private static StreamingAead aead(PasswordKey passwordKey, char[] password) throws GeneralSecurityException {
    byte[] key = passwordKey.derive(password);
    try {
      AesGcmHkdfStreamingParameters parameters = AesGcmHkdfStreamingParameters.builder()
          .setKeySizeBytes(32)
          .setDerivedAesGcmKeySizeBytes(32)
          .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
          .setCiphertextSegmentSizeBytes(SEGMENT_BYTES)
          .build();
      return AesGcmHkdfStreaming.create(
          AesGcmHkdfStreamingKey.create(parameters, SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] readHeader(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0 || line.size() == MAX_HEADER_BYTES) {
          throw new BackupRefusedException(file + " is not a Watchword backup (no header line)");
        }
        line.write(b);
      }
      return line.toByteArray();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BackupRefusedException("there is no file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /**
   * A stream whose IOExceptions become {@code as}'s: below Tink, the file's own read errors
   * (unchecked, so Tink passes them through untouched); above it, Tink's, which all mean "does
   * not verify".
   */
  private static final class Rethrowing extends FilterInputStream {

    private final Function<IOException, RuntimeException> as;

    Rethrowing(InputStream in, Function<IOException, RuntimeException> as) {
      super(in);
      this.as = as;
    }

    @Override
    public int read() {
      try {
        return super.read();
      } catch (IOException e) {
        throw as.apply(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw as.apply(e);
      }
    }
  }
}
