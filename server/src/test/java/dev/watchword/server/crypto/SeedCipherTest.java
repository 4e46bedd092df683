package dev.watchword.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedCipherTest {

  private static final byte[] SEED = "12345678901234567890".getBytes();

  private final Map<VaultId, Aead> keys = new HashMap<>();
  private final SeedCipher cipher = new SeedCipher(new DataKeys() {
    @Override
    public void create(VaultId vault) {
      keys.put(vault, newAead());
    }

    @Override
    public Aead aead(VaultId vault) {
      return keys.get(vault);
    }
  });

  @BeforeAll
  static void registerTink() throws Exception {
    AeadConfig.register();
  }

  @Test
  void withSeedWhenCiphertextIsInItsOwnRowThenOpensAndZeroesTheSeedAfterwards() {
    VaultId vault = vault();
    EntryId entry = EntryId.random();
    byte[] ciphertext = cipher.encrypt(vault, entry, SEED);
    byte[][] seen = new byte[1][];

    String result = cipher.withSeed(vault, entry, ciphertext, seed -> {
      seen[0] = seed;
      return new String(seed);
    });

    assertThat(result).isEqualTo("12345678901234567890");
    assertThat(seen[0]).containsOnly(0);
  }

  @Test
  void decryptWhenCiphertextMovedToAnotherEntryThenFails() {
    VaultId vault = vault();
    byte[] ciphertext = cipher.encrypt(vault, EntryId.random(), SEED);

    assertThatThrownBy(() -> cipher.withSeed(vault, EntryId.random(), ciphertext, seed -> seed))
        .isInstanceOf(DecryptionFailedException.class)
        .hasMessage("decryption failed");
  }

  @Test
  void decryptWhenCiphertextMovedToAnotherVaultThenFails() {
    VaultId vault = vault();
    VaultId other = vault();
    EntryId entry = EntryId.random();
    byte[] ciphertext = cipher.encrypt(vault, entry, SEED);

    assertThatThrownBy(() -> cipher.withSeed(other, entry, ciphertext, seed -> seed))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void decryptWhenCiphertextIsTamperedThenFails() {
    VaultId vault = vault();
    EntryId entry = EntryId.random();
    byte[] ciphertext = cipher.encrypt(vault, entry, SEED);
    ciphertext[ciphertext.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.withSeed(vault, entry, ciphertext, seed -> seed))
        .isInstanceOf(DecryptionFailedException.class);
  }

  private VaultId vault() {
    VaultId vault = VaultId.random();
    cipher.createVaultKey(vault);
    return vault;
  }

  private static Aead newAead() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
