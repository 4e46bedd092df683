package dev.watchword.server.vault;

import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Secret;
import dev.watchword.server.crypto.DecryptionFailedException;
import dev.watchword.server.crypto.SeedCipher;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way the vault feature opens a stored seed: for a code, a reveal, an export or the
 * import's duplicate check.
 *
 * <p>Guarantees: the seed is handed to {@code use} and zeroed afterwards (by {@link SeedCipher});
 * a seed that does not decrypt was tampered with, moved, or sealed under another key, which is an
 * integrity alarm in the log (entry and vault ids only) and a plain 500 {@link
 * EntryUnreadableException} for the caller, wherever it happens.
 */
@Component
class SealedSeeds {

  private static final Logger log = LoggerFactory.getLogger(SealedSeeds.class);

  private final SeedCipher cipher;

  SealedSeeds(SeedCipher cipher) {
    this.cipher = cipher;
  }

  <T> T withSeed(SealedEntry sealed, Function<byte[], T> use) {
    Entry entry = sealed.entry();
    try {
      return cipher.withSeed(entry.vaultId(), entry.id(), sealed.secretCiphertext(), use);
    } catch (DecryptionFailedException e) {
      log.error("The seed of entry {} in vault {} does not decrypt: its ciphertext was altered or moved",
          entry.id(), entry.vaultId());
      throw new EntryUnreadableException();
    }
  }

  /** The entry as a Key URI holding its seed; the caller MUST destroy {@code uri.secret()}. */
  OtpauthUri uri(SealedEntry sealed) {
    Entry entry = sealed.entry();
    return withSeed(sealed, seed -> new OtpauthUri(entry.parameters().type(), entry.issuer(), entry.account(),
        Secret.ofBytes(seed), entry.parameters()));
  }
}
