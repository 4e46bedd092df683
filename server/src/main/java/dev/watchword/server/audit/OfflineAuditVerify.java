package dev.watchword.server.audit;

import dev.watchword.server.crypto.ServerSecrets;
import dev.watchword.server.runtime.OfflineDatabase;
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
  public static final String HEAD_FILE = "audit-head.json";

  private OfflineAuditVerify() {}

  /** The variable that gives the PostgreSQL URL without putting a password on the command line. */
  public static final String DB_URL_VARIABLE = OfflineDatabase.DB_URL_VARIABLE;

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), out, err);
  }

  static int run(List<String> args, java.util.Map<String, String> environment, PrintStream out, PrintStream err) {
    Path dataDir = null;
    String dbUrl = null;
    Path headFile = null;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      String value = i + 1 < args.size() ? args.get(i + 1) : null;
      switch (option) {
        case "--data-dir" -> dataDir = value == null ? null : Path.of(value);
        case "--db-url" -> dbUrl = value;
        case "--head-file" -> headFile = value == null ? null : Path.of(value);
        default -> {
          err.println("watchword audit verify: unknown option " + option);
          return 2;
        }
      }
      i++;
    }
    dbUrl = OfflineDatabase.url(dbUrl, environment);
    if (dataDir == null) {
      err.println("watchword audit verify: --data-dir DIR is required (it holds the master key)");
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
