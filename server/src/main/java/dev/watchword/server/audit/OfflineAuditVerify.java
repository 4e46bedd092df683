package dev.watchword.server.audit;

import dev.watchword.server.crypto.ServerSecrets;
import dev.watchword.server.runtime.OfflineDatabase;
import dev.watchword.server.runtime.OfflineOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code watchword audit verify}: checks a stopped or running installation's audit trail without
 * starting the server. Reads the master key from the data directory (the chain key and the
 * signing key are sealed under it), the database (the data directory's SQLite file, read-only, or
 * {@code --db-url}, or {@value #DB_URL_VARIABLE} so that a password stays off the command line),
 * and the head file. Writes nothing.
 *
 * <p>Exit status: 0 intact, 1 altered (the first bad sequence number is printed), 2 the log could
 * not be read (bad options, no key, no database).
 */
public final class OfflineAuditVerify {

  public static final String COMMAND = "audit-verify";

  /** The head file's name inside the data directory, where the server keeps it unless told otherwise. */
  public static final String HEAD_FILE = AuditHeadFile.DEFAULT_NAME;

  private OfflineAuditVerify() {}

  private static final java.util.Set<String> OPTIONS = java.util.Set.of("--data-dir", "--db-url", "--head-file");

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), out, err);
  }

  static int run(List<String> args, java.util.Map<String, String> environment, PrintStream out, PrintStream err) {
    Path dataDir;
    Path headFile;
    String dbUrl;
    try {
      OfflineOptions options = OfflineOptions.parse(args, OPTIONS);
      dataDir = Path.of(options.required("--data-dir", "DIR (it holds the master key)"));
      headFile = options.get("--head-file") == null ? null : Path.of(options.get("--head-file"));
      dbUrl = OfflineDatabase.url(options.get("--db-url"), environment);
    } catch (IllegalArgumentException e) {
      err.println("watchword audit verify: " + e.getMessage());
      return 2;
    }
    try {
      Verification result = verify(dataDir, dbUrl, headFile);
      report(result, out);
      return result.valid() ? 0 : 1;
    } catch (RuntimeException e) {
      err.println("watchword audit verify: cannot read the audit log: " + e.getMessage());
      return 2;
    }
  }

  static Verification verify(Path dataDir, String dbUrl, Path headFile) {
    ServerSecrets secrets = ServerSecrets.openOffline(dataDir);
    JdbcTemplate template = new JdbcTemplate(OfflineDatabase.open(dataDir, dbUrl));
    AuditKeys keys = AuditKeys.load(JdbcClient.create(template), secrets)
        .orElseThrow(() -> new IllegalStateException("this database has no audit keys (never started?)"));
    Path head = headFile != null ? headFile : dataDir.resolve(HEAD_FILE);
    return new AuditVerifier(new AuditStore(template), keys, new AuditHeadFile(head)).verify();
  }

  private static void report(Verification result, PrintStream out) {
    if (result.valid()) {
      out.printf("audit log intact: %d events (seq %d to %d), %d signed checkpoints, head file %s%n",
          result.events(), result.firstSeq(), result.lastSeq(), result.checkpoints(), result.headFile());
    } else {
      out.printf("audit log ALTERED at seq %d: %s%n", result.firstBadSeq(), result.problem());
      out.printf("%d events before that point verified%n", result.events());
    }
  }
}
