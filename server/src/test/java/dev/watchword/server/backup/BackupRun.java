package dev.watchword.server.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of {@code backup} or {@code restore}, as the server jar would run it, with the
 * password in {@value BackupPassword#VARIABLE} (or none) and no terminal.
 */
record BackupRun(int status, String out, String err) {

  static BackupRun backup(List<String> args, String password) {
    return run(args, password, true);
  }

  static BackupRun restore(List<String> args, String password) {
    return run(args, password, false);
  }

  private static BackupRun run(List<String> args, String password, boolean backup) {
    Map<String, String> environment = password == null ? Map.of() : Map.of(BackupPassword.VARIABLE, password);
    BackupPassword passwords = new BackupPassword(environment, null, new ByteArrayInputStream(new byte[0]));
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int status = backup
        ? OfflineBackup.run(args, passwords, Clock.systemUTC(), outStream, errStream)
        : OfflineRestore.run(args, passwords, outStream, errStream);
    return new BackupRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** For assertion messages: the exit status and both streams. */
  String shown() {
    return "exit " + status + "\n" + out + err;
  }
}
