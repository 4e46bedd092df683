package dev.watchword.server.backup;

import dev.watchword.server.runtime.OfflineOptions;
import dev.watchword.server.audit.OfflineAuditVerify;
import dev.watchword.server.runtime.OfflineDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code watchword restore}: restores a backup into a fresh data directory (and, with a PostgreSQL
 * URL, into an empty schema), then checks the restored audit trail as {@code audit verify} does.
 *
 * <p>Guarantees: a target that holds anything is refused before the password is asked for; the
 * whole file is decrypted and checked once before anything is written, so a wrong password, a
 * flipped byte or a cut-short file changes nothing; the restored installation is the snapshot the
 * backup took, with the same master key, so its codes, users and audit chain are the original's.
 *
 * <p>Exit status: 0 restored and the audit trail verifies, 1 refused or failed (nothing was
 * written), 2 invalid options, 3 restored, but the audit trail does not verify (as in the backup).
 */
public final class OfflineRestore {

  public static final String COMMAND = "restore";

  private static final Set<String> OPTIONS = Set.of("--in", "--data-dir", "--db-url");

  private OfflineRestore() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, new BackupPassword(System.getenv(), System.console(), System.in), out, err);
  }

  static int run(List<String> args, BackupPassword passwords, PrintStream out, PrintStream err) {
    Path file;
    Path dataDir;
    String dbUrl;
    try {
      OfflineOptions options = OfflineOptions.parse(args, OPTIONS);
      file = Path.of(options.required("--in", "FILE (the backup)"));
      dataDir = Path.of(options.required("--data-dir", "DIR (the new data directory)"));
      dbUrl = OfflineDatabase.url(options.get("--db-url"), passwords.environment());
    } catch (IllegalArgumentException e) {
      err.println("watchword restore: " + e.getMessage());
      return 2;
    }
    RestoreTarget target;
    long rows;
    try {
      BackupFile backup = BackupFile.open(file);
      target = RestoreTarget.requireEmpty(dataDir, dbUrl);
      char[] password = passwords.forRestore();
      BackupFile.Contents contents;
      try {
        contents = backup.unlock(password);
      } finally {
        Arrays.fill(password, '\0');
      }
      Manifest manifest = verify(contents);
      out.printf("backup verified: %s database of %s, schema version %s%n", manifest.database(),
          manifest.createdAt(), manifest.schemaVersion());
      Arrays.fill(manifest.masterKey(), (byte) 0);
      rows = target.restore(contents::open);
    } catch (BackupRefusedException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      // no message here holds the password, the key or the database URL
      err.println("watchword restore: nothing restored: " + e.getMessage());
      return 1;
    }
    out.printf("restored %d rows into %s%n", rows, target.describe());
    List<String> verify = new ArrayList<>(List.of("--data-dir", target.dataDir().toString()));
    if (dbUrl != null) {
      verify.addAll(List.of("--db-url", dbUrl));
    }
    return OfflineAuditVerify.run(verify, out, err) == 0 ? 0 : 3;
  }

  /**
   * Reads the whole contents once, so every segment's tag and the structure are checked before
   * the target is touched; returns the manifest.
   */
  private static Manifest verify(BackupFile.Contents contents) {
    try (InputStream in = contents.open(); ContentsReader reader = new ContentsReader(in)) {
      Manifest manifest = reader.manifest();
      for (Optional<ContentsReader.Table> table = reader.nextTable(); table.isPresent(); table = reader.nextTable()) {
        while (reader.nextRow() != null) {
          // each row is parsed and counted; nothing is kept
        }
      }
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
