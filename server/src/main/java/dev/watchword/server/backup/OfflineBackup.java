package dev.watchword.server.backup;

import dev.watchword.server.runtime.OfflineOptions;
import dev.watchword.server.audit.OfflineAuditVerify;
import dev.watchword.server.crypto.ServerSecrets;
import dev.watchword.server.runtime.OfflineDatabase;
import dev.watchword.server.runtime.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code watchword backup}: writes an encrypted backup of a whole installation, its database and
 * its data directory's master key and audit head file, without stopping the server.
 *
 * <p>Guarantees: the database is read in one consistent snapshot ({@link DatabaseSnapshot}) and
 * never written; the head file is read before the snapshot, so it never vouches for an event the
 * snapshot lacks; the master key is checked to be this database's before anything is written;
 * the file appears under its name only once complete (mode 0600), and an existing file is never
 * overwritten; the password never comes from the command line and is never printed.
 *
 * <p>Exit status: 0 written, 1 not written (the reason is printed), 2 invalid options.
 */
public final class OfflineBackup {

  public static final String COMMAND = "backup";

  private static final Set<String> OPTIONS = Set.of("--data-dir", "--db-url", "--out", "--head-file");

  private OfflineBackup() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, new BackupPassword(System.getenv(), System.console(), System.in), Clock.systemUTC(), out, err);
  }

  static int run(List<String> args, BackupPassword passwords, Clock clock, PrintStream out, PrintStream err) {
    Path dataDir;
    Path file;
    String dbUrl;
    Path headFile;
    try {
      OfflineOptions options = OfflineOptions.parse(args, OPTIONS);
      dataDir = Path.of(options.required("--data-dir", "DIR (the installation's data directory)"));
      file = Path.of(options.required("--out", "FILE (where to write the backup)")).toAbsolutePath();
      dbUrl = OfflineDatabase.url(options.get("--db-url"), passwords.environment());
      headFile = options.get("--head-file") == null ? dataDir.resolve(OfflineAuditVerify.HEAD_FILE)
          : Path.of(options.get("--head-file"));
    } catch (IllegalArgumentException e) {
      err.println("watchword backup: " + e.getMessage());
      return 2;
    }
    try {
      Written written = write(dataDir, dbUrl, headFile, file, passwords, clock);
      out.printf("backup written: %s (%s, schema version %s, %d tables, %d rows, %d bytes)%n", file,
          written.manifest().database(), written.manifest().schemaVersion(), written.tables(), written.rows(),
          Files.size(file));
      out.println("It holds the master key: keep it, and its password, as safe as the data directory itself.");
      return 0;
    } catch (RuntimeException | IOException | SQLException e) {
      // Every failure, a database connection's included, as one line: never a stack trace that
      // could carry more than the message (OfflineDatabase keeps the URL out of the message).
      err.println("watchword backup: nothing written: " + e.getMessage());
      return 1;
    }
  }

  private record Written(Manifest manifest, int tables, long rows) {}

  private static Written write(Path dataDir, String dbUrl, Path headFile, Path file, BackupPassword passwords,
      Clock clock) throws IOException, SQLException {
    if (Files.exists(file)) {
      throw new BackupRefusedException(file + " already exists; a backup never overwrites a file");
    }
    DataSource database = OfflineDatabase.open(dataDir, dbUrl);
    char[] password = passwords.forBackup();
    byte[] masterKey = null;
    Path temporary = null;
    try {
      // Read once, checked to be this database's key; zeroed below whatever happens.
      masterKey = ServerSecrets.keyFileFor(dataDir, JdbcClient.create(database));
      // before the snapshot: a head file read after it could vouch for events the snapshot lacks
      byte[] auditHead = Files.exists(headFile) ? Files.readAllBytes(headFile) : null;
      temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
          OwnerOnly.attributes("rw-------"));
      Written written;
      try (OutputStream raw = Files.newOutputStream(temporary, StandardOpenOption.WRITE);
          OutputStream encrypted = BackupFile.create(raw, password, new SecureRandom());
          DatabaseSnapshot snapshot = new DatabaseSnapshot(database.getConnection())) {
        Manifest manifest = new Manifest(clock.instant(), snapshot.database(), snapshot.schemaVersions(),
            masterKey, auditHead);
        ContentsWriter contents = new ContentsWriter(encrypted);
        contents.manifest(manifest);
        snapshot.writeTables(contents);
        contents.finish();
        written = new Written(manifest, contents.tables(), contents.rows());
      }
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temporary, file);
      return written;
    } catch (FileAlreadyExistsException raced) {
      throw new BackupRefusedException(file + " already exists; a backup never overwrites a file");
    } finally {
      Arrays.fill(password, '\0');
      if (masterKey != null) {
        Arrays.fill(masterKey, (byte) 0);
      }
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    }
  }
}
