package dev.watchword.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchword backup}: runs the server jar's offline backup in a child JVM and exits with its
 * status. It takes no password option on purpose: a command line is visible to every local user.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    sortOptions = false,
    description = {
      "Write an encrypted backup of the whole installation: a consistent snapshot of the database"
          + " (SQLite or PostgreSQL), the master key file and the audit head file. Safe while the"
          + " server runs; the database is only read.",
      "",
      "The file is encrypted under a password (at least 15 characters; Argon2id, AES-256-GCM). It"
          + " holds the master key, so whoever has the file and its password can read every seed:"
          + " keep both as safe as the data directory. Only someone who can read the data directory"
          + " can make a backup.",
    },
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  WATCHWORD_BACKUP_PASSWORD  the password; without it, it is asked for twice",
      "                             on the terminal, or read from the first line",
      "                             of standard input",
      "  WATCHWORD_DB_URL           same as --db-url (the option wins)",
      "",
      "Exit status:",
      "  0  the backup was written",
      "  1  nothing was written; the reason is printed (the file exists, the key",
      "     does not fit the database, the password is too short...)",
      "  2  invalid options",
      "",
      "Examples:",
      "  watchword backup --data-dir ./watchword-data --out ww-2026-11-23.wwbackup",
      "  WATCHWORD_DB_URL=jdbc:postgresql://db:5432/watchword \\",
      "    watchword backup --data-dir /etc/watchword --out /backups/ww.wwbackup",
    })
final class BackupCommand extends ServerJarCommand {

  @Option(names = "--data-dir", paramLabel = "DIR", required = true,
      description = "The installation's data directory: its master key and head file are backed up,"
          + " and its SQLite database unless --db-url is given.")
  private String dataDir;

  @Option(names = "--db-url", paramLabel = "JDBC_URL",
      description = "Back up this PostgreSQL database instead (jdbc:postgresql:...). Command lines are"
          + " visible to other local users: put a URL with a password in WATCHWORD_DB_URL.")
  private String dbUrl;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "Where to write the backup (mode 0600). An existing file is never overwritten.")
  private String out;

  @Option(names = "--head-file", paramLabel = "FILE",
      description = "The audit head file, if the server keeps it outside the data directory."
          + " Default: DIR/audit-head.json.")
  private String headFile;

  BackupCommand() {
    this(LaunchEnvironment.current(), new ForegroundProcess());
  }

  BackupCommand(LaunchEnvironment environment, ProcessRunner runner) {
    super(environment, runner, 1);
  }

  @Override
  ServerJarArguments arguments() {
    return new ServerJarArguments("backup").option("--data-dir", dataDir).option("--db-url", dbUrl)
        .option("--out", out).option("--head-file", headFile);
  }
}
