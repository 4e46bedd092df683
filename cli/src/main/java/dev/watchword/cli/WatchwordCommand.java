package dev.watchword.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code watchword} command. It does nothing by itself: every action is a
 * subcommand, so that commands talking to the REST API (such as a future {@code code}) sit
 * next to {@code serve} without touching it.
 */
@Command(
    name = "watchword",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Watchword: a self-hosted team MFA vault that hands out codes, never seeds.",
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    subcommands = {ServeCommand.class, AuditCommand.class, BackupCommand.class, RestoreCommand.class,
        CommandLine.HelpCommand.class},
    footer = "%nRun 'watchword COMMAND --help' for a command's options and environment variables.")
public final class WatchwordCommand {

  /** Runs the command line and exits with its status; see each command's "Exit status". */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@link #main} runs it, with its real environment. */
  static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /**
   * The command line with subcommands created by {@code factory}, so tests can give {@code
   * serve} a fake environment and a process runner that starts nothing.
   */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    return new CommandLine(new WatchwordCommand(), factory)
        .setParameterExceptionHandler(new UsageErrorPrinter());
  }
}
