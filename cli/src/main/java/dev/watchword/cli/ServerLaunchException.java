package dev.watchword.cli;

/** The server's child JVM could not be started; the message says what to do about it. */
final class ServerLaunchException extends RuntimeException {

  ServerLaunchException(String message) {
    super(message);
  }

  ServerLaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
