package dev.watchword.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchword restore}: runs the server jar's offline restore in a child JVM and exits with
 * its status. Like {@code backup}, it takes no password option.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    sortOptions = false,
    description = {
      "Restore a backup into a new data directory (and, with --db-url, into an empty PostgreSQL"
          + " database or schema), then check the restored audit trail. Start the server on the new"
          + " directory afterwards: its users, entries, codes and audit trail are those of the backup.",
      "",
      "A data directory that holds anything, or a schema that has tables, is refused. The whole"
          + " file is decrypted and checked before anything is written: a wrong password or an altered"
          + " file changes nothing. A backup of either database restores into either.",
    },
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  WATCHWORD_BACKUP_PASSWORD  the password; without it, it is asked for on the",
      "                             terminal, or read from the first line of",
      "                             standard input",
      "  WATCHWORD_DB_URL           same as --db-url (the option wins)",
      "",
      "Exit status:",
      "  0  restored, and the audit trail verifies",
      "  1  nothing was restored; the reason is printed (wrong password or altered",
      "     file, target not empty, a backup made by a newer version...)",
      "  2  invalid options",
      "  3  restored, but the audit trail does not verify (it was already altered",
      "     when the backup was made)",
      "",
      "Examples:",
      "  watchword restore --in ww-2026-11-23.wwbackup --data-dir ./watchword-data",
      "  WATCHWORD_DB_URL=jdbc:postgresql://db:5432/watchword_new \\",
      "    watchword restore --in /backups/ww.wwbackup --data-dir /etc/watchword-new",
    })
final class RestoreCommand extends ServerJarCommand {

  @Option(names = "--in", paramLabel = "FILE", required = true, description = "The backup file.")
  private String in;

  @Option(names = "--data-dir", paramLabel = "DIR", required = true,
      description = "The new data directory: must not exist yet, or be empty. Receives the master key,"
          + " the audit head file and, without --db-url, the SQLite database.")
  private String dataDir;

  @Option(names = "--db-url", paramLabel = "JDBC_URL",
      description = "Restore the tables into this PostgreSQL database (jdbc:postgresql:...), whose schema"
          + " must exist and have no tables. Command lines are visible to other local users: put a URL"
          + " with a password in WATCHWORD_DB_URL.")
  private String dbUrl;

  RestoreCommand() {
    this(LaunchEnvironment.current(), new ForegroundProcess());
  }

  RestoreCommand(LaunchEnvironment environment, ProcessRunner runner) {
    super(environment, runner, 1);
  }

  @Override
  ServerJarArguments arguments() {
    return new ServerJarArguments("restore").option("--in", in).option("--data-dir", dataDir)
        .option("--db-url", dbUrl);
  }
}
