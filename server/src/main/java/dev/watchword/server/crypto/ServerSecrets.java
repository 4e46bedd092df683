package dev.watchword.server.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals the server's own small secrets (users' TOTP factors) directly under the master key.
 *
 * <p>Guarantees: each ciphertext is bound to the {@code context} it was sealed with (for example
 * {@code "user:totp:<userId>"}), so it opens nowhere else; every failure to open is the same
 * detail-free {@link DecryptionFailedException}. Callers MUST pass a context that names the one
 * row the ciphertext belongs to.
 */
@Component
public class ServerSecrets {

  /** The master key file's name inside the data directory. */
  public static final String MASTER_KEY_FILE = MasterKeyFile.FILE_NAME;

  private final MasterKey masterKey;

  ServerSecrets(MasterKey masterKey) {
    this.masterKey = masterKey;
  }

  /** Whether this start generated the master key (a new installation), for the audit to record. */
  public boolean masterKeyCreated() {
    return masterKey.created();
  }

  /**
   * The server secrets of the data directory {@code dataDir}, for offline tools (audit
   * verification) that read a database without starting the server: loads {@code master.key}
   * with the same permission checks, creates nothing.
   */
  public static ServerSecrets openOffline(Path dataDir) {
    return new ServerSecrets(MasterKey.loaded(offlineKeyFile(dataDir).load()));
  }

  /**
   * The master key file's bytes, read once with the same permission checks and checked to open the
   * database {@code jdbc}'s data (for a backup, which carries the file as it is). The caller zeroes
   * them.
   *
   * @throws MasterKeyException if the key file is missing, too open, unreadable or another key
   */
  public static byte[] keyFileFor(Path dataDir, JdbcClient jdbc) {
    MasterKeyFile file = offlineKeyFile(dataDir);
    byte[] bytes = file.read();
    try {
      MasterKey.loaded(file.parse(bytes)).requireKeyOf(jdbc, file);
      return bytes;
    } catch (RuntimeException e) {
      java.util.Arrays.fill(bytes, (byte) 0);
      throw e;
    }
  }

  private static MasterKeyFile offlineKeyFile(Path dataDir) {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink AEAD is not available", e);
    }
    MasterKeyFile file = new MasterKeyFile(dataDir.resolve(MasterKeyFile.FILE_NAME));
    if (!file.exists()) {
      throw new MasterKeyException("No master key file at " + file.path());
    }
    return file;
  }

  public byte[] seal(String context, byte[] plaintext) {
    try {
      return masterKey.aead().encrypt(plaintext, bytes(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a server secret: " + e.getClass().getSimpleName());
    }
  }

  /** The plaintext; the caller should zero it after use. */
  public byte[] open(String context, byte[] ciphertext) {
    try {
      return masterKey.aead().decrypt(ciphertext, bytes(context));
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailedException();
    }
  }

  private static byte[] bytes(String context) {
    return context.getBytes(StandardCharsets.UTF_8);
  }
}
