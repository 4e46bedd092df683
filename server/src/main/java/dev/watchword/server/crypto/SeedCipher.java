package dev.watchword.server.crypto;

import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Seals OTP seeds under their vault's data key.
 *
 * <p>Guarantees: each ciphertext is bound by associated data {@code "entry:secret:<entryId>:<vaultId>"}
 * to the one row it belongs to, so a ciphertext moved to another entry or vault fails to
 * decrypt; the decrypted seed array is handed only to the function given to {@link #withSeed}
 * and zeroed when it returns (the JCA's HMAC keeps a per-thread key schedule derived from the
 * last seed it used until its next use: process memory is inside the trust boundary); every
 * failure to decrypt is the same detail-free {@link DecryptionFailedException}.
 */
@Component
public class SeedCipher {

  private final DataKeys vaultKeys;

  SeedCipher(DataKeys vaultKeys) {
    this.vaultKeys = vaultKeys;
  }

  /** Creates the data key of a new vault, in the caller's transaction. */
  public void createVaultKey(VaultId vault) {
    vaultKeys.create(vault);
  }

  public byte[] encrypt(VaultId vault, EntryId entry, byte[] seed) {
    try {
      return vaultKeys.aead(vault).encrypt(seed, associatedData(vault, entry));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a seed: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Decrypts the seed, hands it to {@code use}, and zeroes it afterwards. {@code use} MUST NOT
   * keep a reference to the array.
   */
  public <T> T withSeed(VaultId vault, EntryId entry, byte[] ciphertext, Function<byte[], T> use) {
    byte[] seed;
    try {
      seed = vaultKeys.aead(vault).decrypt(ciphertext, associatedData(vault, entry));
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailedException();
    }
    try {
      return use.apply(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  static byte[] associatedData(VaultId vault, EntryId entry) {
    return ("entry:secret:" + entry + ":" + vault).getBytes(StandardCharsets.UTF_8);
  }
}
