package dev.watchword.server.crypto;

import com.google.crypto.tink.Aead;
import dev.watchword.server.shared.VaultId;

/** Where vault data keys come from: the database in production, a fixed key in benchmarks. */
interface DataKeys {

  /** Creates and stores the data key of a new vault. */
  void create(VaultId vault);

  /** The vault's data key; throws {@link DecryptionFailedException} if it cannot be opened. */
  Aead aead(VaultId vault);
}
