package dev.watchword.server.crypto;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key-encryption key (KEK) that wraps every vault's data key.
 *
 * <p>Guarantees, checked once at start-up: the key file exists only with owner-only
 * permissions; a database that already holds data is opened only by the key that wrote it
 * (a known value encrypted under the key is stored in {@code master_key_check}); a missing
 * key file is never silently replaced by a new one while data encrypted under the old one
 * exists.
 */
final class MasterKey {

  private static final byte[] CHECK_PLAINTEXT = "watchword master key check v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CHECK_CONTEXT = "master-key-check".getBytes(StandardCharsets.UTF_8);

  private final Aead aead;
  private final boolean created;

  private MasterKey(Aead aead, boolean created) {
    this.aead = aead;
    this.created = created;
  }

  static MasterKey open(MasterKeyFile file, JdbcClient jdbc, long nowMillis) {
    byte[] check = storedCheck(jdbc);
    if (!file.exists()) {
      if (check != null || anyVaultKey(jdbc)) {
        throw new MasterKeyException("The master key file " + file.path() + " is missing, but the database"
            + " holds data encrypted under a master key. Restore the key file from your backup.");
      }
      MasterKey created = new MasterKey(file.create(), true);
      created.storeCheck(jdbc, nowMillis);
      return created;
    }
    MasterKey loaded = new MasterKey(file.load(), false);
    if (check == null) {
      refuseVaultKeysWithoutCheck(jdbc, file);
      loaded.storeCheck(jdbc, nowMillis);
    } else {
      loaded.verify(check, file);
    }
    return loaded;
  }

  /** A key already loaded and checked elsewhere (offline tools), used only to open. */
  static MasterKey loaded(Aead aead) {
    return new MasterKey(aead, false);
  }

  /** Whether {@link #open} generated this key (a new installation) rather than loading it. */
  boolean created() {
    return created;
  }

  /**
   * Refuses ({@link MasterKeyException}) a database whose check value this key does not open, or
   * one that holds vault keys without a check value (altered), exactly as {@link #open} does; a
   * database that never stored anything (never started) passes.
   */
  void requireKeyOf(JdbcClient jdbc, MasterKeyFile file) {
    byte[] check = storedCheck(jdbc);
    if (check != null) {
      verify(check, file);
    } else {
      refuseVaultKeysWithoutCheck(jdbc, file);
    }
  }

  private static void refuseVaultKeysWithoutCheck(JdbcClient jdbc, MasterKeyFile file) {
    if (anyVaultKey(jdbc)) {
      throw new MasterKeyException("The database holds vault keys but no master key check: it was altered."
          + " Restore the database from a backup made with " + file.path() + ".");
    }
  }

  Aead aead() {
    return aead;
  }

  private static boolean anyVaultKey(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM vault_key").query(Long.class).single() > 0;
  }

  private static byte[] storedCheck(JdbcClient jdbc) {
    return jdbc.sql("SELECT ciphertext FROM master_key_check WHERE id = 1")
        .query(byte[].class)
        .optional()
        .orElse(null);
  }

  private void storeCheck(JdbcClient jdbc, long nowMillis) {
    try {
      byte[] ciphertext = aead.encrypt(CHECK_PLAINTEXT, CHECK_CONTEXT);
      jdbc.sql("INSERT INTO master_key_check (id, ciphertext, created_at) VALUES (1, :ciphertext, :now)")
          .param("ciphertext", ciphertext)
          .param("now", nowMillis)
          .update();
    } catch (GeneralSecurityException e) {
      throw new MasterKeyException("Cannot use the master key: encryption failed");
    }
  }

  private void verify(byte[] check, MasterKeyFile file) {
    try {
      if (Arrays.equals(aead.decrypt(check, CHECK_CONTEXT), CHECK_PLAINTEXT)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // falls through to the refusal below
    }
    throw new MasterKeyException("The master key file " + file.path() + " does not open this database's"
        + " data: it is another installation's key, or the database belongs to another data directory.");
  }
}
