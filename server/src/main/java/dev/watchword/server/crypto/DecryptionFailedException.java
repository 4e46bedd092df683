package dev.watchword.server.crypto;

/**
 * A ciphertext did not open. Deliberately detail-free, like Tink's own "decryption failed":
 * the caller learns neither which check failed nor anything about the key or plaintext.
 */
public class DecryptionFailedException extends RuntimeException {

  DecryptionFailedException() {
    super("decryption failed");
  }
}
