package dev.watchword.server.crypto;

/**
 * The master key cannot be used: missing, readable by others, malformed, or not the key of
 * this database. The server refuses to start with this message; it never contains key
 * material.
 */
public class MasterKeyException extends RuntimeException {

  MasterKeyException(String message) {
    super(message);
  }
}
