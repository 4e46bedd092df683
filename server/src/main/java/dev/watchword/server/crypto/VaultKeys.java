package dev.watchword.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.watchword.server.shared.VaultId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One data key (DEK) per vault: a Tink AES-256-GCM keyset, stored encrypted under the master
 * key with associated data {@code "vault:dek:<vaultId>"}, so a wrapped key copied to another
 * vault's row does not open.
 *
 * <p>Unwrapped keys are cached for the life of the process; a key is unwrapped at most once
 * per vault per node.
 */
@Component
class VaultKeys implements DataKeys {

  private final JdbcClient jdbc;
  private final MasterKey masterKey;
  private final Clock clock;
  private final Map<VaultId, Aead> unwrapped = new ConcurrentHashMap<>();

  VaultKeys(JdbcClient jdbc, MasterKey masterKey, Clock clock) {
    this.jdbc = jdbc;
    this.masterKey = masterKey;
    this.clock = clock;
  }

  /** Runs in the caller's transaction. */
  @Override
  public void create(VaultId vault) {
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey.aead(), context(vault));
      jdbc.sql("INSERT INTO vault_key (vault_id, encrypted_keyset, created_at) VALUES (:vault, :keyset, :now)")
          .param("vault", vault.toString())
          .param("keyset", wrapped)
          .param("now", clock.millis())
          .update();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create a vault key: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public Aead aead(VaultId vault) {
    Aead cached = unwrapped.get(vault);
    if (cached != null) {
      return cached;
    }
    // Unwrapped outside the map's lock: a database read must not block other vaults' lookups.
    Aead fresh = unwrap(vault);
    Aead raced = unwrapped.putIfAbsent(vault, fresh);
    return raced != null ? raced : fresh;
  }

  private Aead unwrap(VaultId vault) {
    byte[] wrapped = jdbc.sql("SELECT encrypted_keyset FROM vault_key WHERE vault_id = :vault")
        .param("vault", vault.toString())
        .query(byte[].class)
        .optional()
        .orElseThrow(DecryptionFailedException::new);
    try {
      KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, masterKey.aead(), context(vault));
      return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailedException();
    }
  }

  private static byte[] context(VaultId vault) {
    return ("vault:dek:" + vault).getBytes(StandardCharsets.UTF_8);
  }
}
