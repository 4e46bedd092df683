package dev.watchword.server.backup;

/**
 * A backup or restore that was refused before it changed anything: a wrong password or altered
 * file, a target that is not empty, a file that is not a backup. The message is for the operator
 * and never contains a password, a key or a database URL.
 */
final class BackupRefusedException extends RuntimeException {

  BackupRefusedException(String message) {
    super(message);
  }
}
