package dev.watchword.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchword audit}: commands on the audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Work with the tamper-evident audit trail.",
    commandListHeading = "%nCommands:%n",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

  /**
   * {@code watchword audit verify}: runs the server jar's offline verifier in a child JVM and
   * exits with its status. It reads the database and the master key; it starts no server and
   * changes nothing, so it may run beside a live server.
   */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      versionProvider = ManifestVersionProvider.class,
      sortOptions = false,
      description = {
        "Check offline that the audit trail is intact: every event's link (HMAC-SHA256 under the"
            + " chain key), every signed checkpoint (Ed25519), the head, and the head file outside"
            + " the database. Prints where the log first breaks."
      },
      optionListHeading = "%nOptions:%n",
      footerHeading = "%nEnvironment:%n",
      footer = {
        "  WATCHWORD_DB_URL  same as --db-url (the option wins)",
        "",
        "Exit status:",
        "  0  the log is intact",
        "  1  the log was altered: the first bad sequence number is printed",
        "  2  the log could not be read (options, key file, database)",
        "",
        "Examples:",
        "  watchword audit verify --data-dir ./watchword-data",
        "  watchword audit verify --data-dir /srv/watchword --db-url jdbc:postgresql://db:5432/watchword",
      })
  static final class Verify extends ServerJarCommand {

    @Option(names = "--data-dir", paramLabel = "DIR", required = true,
        description = "The installation's data directory: its master key opens the audit keys;"
            + " its SQLite database is read unless --db-url is given.")
    private String dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
        description = "Read the log from this PostgreSQL database instead (jdbc:postgresql:...). Command"
            + " lines are visible to other local users: put a URL with a password in WATCHWORD_DB_URL.")
    private String dbUrl;

    @Option(names = "--head-file", paramLabel = "FILE",
        description = "The copy of the newest signed checkpoint kept outside the database."
            + " Default: DIR/audit-head.json.")
    private String headFile;

    Verify() {
      this(LaunchEnvironment.current(), new ForegroundProcess());
    }

    Verify(LaunchEnvironment environment, ProcessRunner runner) {
      super(environment, runner, 2);
    }

    @Override
    ServerJarArguments arguments() {
      return new ServerJarArguments("audit-verify").option("--data-dir", dataDir).option("--db-url", dbUrl)
          .option("--head-file", headFile);
    }
  }
}
