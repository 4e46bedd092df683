package dev.watchword.server.backup;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Where the backup password comes from, never the command line (other local users can read a
 * process's arguments): the variable {@value #VARIABLE}, else a prompt on the terminal (twice for a
 * new backup), else the first line of standard input, so a secrets manager can pipe it in.
 *
 * @param environment the process environment
 * @param console the terminal, or null when there is none
 * @param stdin standard input, read only when there is neither variable nor terminal
 */
record BackupPassword(Map<String, String> environment, Console console, InputStream stdin) {

  static final String VARIABLE = "WATCHWORD_BACKUP_PASSWORD";

  /**
   * The shortest password a backup is written with: the file carries the master key and may travel,
   * so it must hold against an offline guessing attack (NIST SP 800-63B's 15 for a single factor).
   */
  static final int MIN_LENGTH = 15;

  /** A new backup's password, entered twice on a terminal; at least {@value #MIN_LENGTH} characters. */
  char[] forBackup() {
    char[] password = read("Backup password (at least " + MIN_LENGTH + " characters): ");
    if (password.length < MIN_LENGTH) {
      Arrays.fill(password, '\0');
      throw new BackupRefusedException("the backup password must have at least " + MIN_LENGTH + " characters");
    }
    if (fromTerminal()) {
      char[] again = console.readPassword("Repeat the password: ");
      boolean same = again != null && Arrays.equals(password, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        Arrays.fill(password, '\0');
        throw new BackupRefusedException("the two passwords differ");
      }
    }
    return password;
  }

  /** The password of an existing backup. */
  char[] forRestore() {
    return read("Backup password: ");
  }

  private boolean fromTerminal() {
    String variable = environment.get(VARIABLE);
    return (variable == null || variable.isEmpty()) && console != null;
  }

  private char[] read(String prompt) {
    String variable = environment.get(VARIABLE);
    if (variable != null && !variable.isEmpty()) {
      return variable.toCharArray();
    }
    char[] entered = console != null ? console.readPassword(prompt) : firstLineOfStdin();
    if (entered == null || entered.length == 0) {
      throw new BackupRefusedException("no password: set " + VARIABLE + ", run on a terminal, or give it as"
          + " the first line of standard input");
    }
    return entered;
  }

  private char[] firstLineOfStdin() {
    try {
      String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
      return line == null ? null : line.toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the password from standard input", e);
    }
  }

  /** Without the environment, which holds the password. */
  @Override
  public String toString() {
    return "BackupPassword[terminal=" + (console != null) + "]";
  }
}
