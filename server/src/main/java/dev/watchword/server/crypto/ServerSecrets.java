package dev.watchword.server.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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

  private final MasterKey masterKey;

  ServerSecrets(MasterKey masterKey) {
    this.masterKey = masterKey;
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
