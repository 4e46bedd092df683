package dev.watchword.cli;

/**
 * A {@code serve} option or {@code WATCHWORD_*} variable that the server must not be started
 * with. The message names the setting and what would be accepted; it never contains a database
 * URL, which may carry a password.
 */
final class InvalidServeSettingException extends RuntimeException {

  InvalidServeSettingException(String message) {
    super(message);
  }
}
