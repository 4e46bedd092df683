package dev.watchword.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code watchword serve}: starts the server jar in a child JVM in the foreground and exits
 * with its status. Settings the server would refuse, or that would expose development mode
 * beyond loopback, are refused here before anything is started.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    sortOptions = false,
    description = {
      "Start the Watchword server in the foreground; Ctrl-C stops it.",
      "",
      "Runs the server in a child JVM (the same java as this command) and exits with its"
          + " status. By default it binds 127.0.0.1:8080 and keeps the embedded SQLite database"
          + " and the master key file (mode 0600) in ./watchword-data, created on first start."
          + " Once it takes requests, the server prints one line:",
      "  Watchword listening on http://HOST:PORT",
    },
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  WATCHWORD_PORT       same as --port",
      "  WATCHWORD_ADDRESS    same as --address",
      "  WATCHWORD_DATA_DIR   same as --data-dir",
      "  WATCHWORD_DB_URL     same as --db-url",
      "  WATCHWORD_DEV        true or false; true is the same as --dev",
      "  WATCHWORD_JAVA_OPTS  JVM options for the server, separated by whitespace",
      "An option wins over its variable. All settings are checked before the server",
      "starts.",
      "",
      "Exit status:",
      "  0  the server stopped normally",
      "  1  the server could not be started (for example its jar is missing)",
      "  2  invalid options or WATCHWORD_* variables; nothing was started",
      "  n  otherwise, the status the server itself ended with",
      "",
      "Examples:",
      "  watchword serve --dev --port 18080",
      "  WATCHWORD_DB_URL=jdbc:postgresql://db:5432/watchword \\",
      "    watchword serve --address 0.0.0.0 --port 8443",
    })
final class ServeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port to listen on, 1-65535. Default: 8080.")
  private Integer port;

  @Option(
      names = "--address",
      paramLabel = "HOST",
      description = {
        "Address to bind. Default: 127.0.0.1 (this machine only). Use 0.0.0.0 only behind a"
            + " TLS-terminating reverse proxy."
      })
  private String address;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = {
        "Directory for the embedded SQLite database and the master key file; relative to the"
            + " current directory. Default: ./watchword-data, or a fresh temporary directory"
            + " with --dev."
      })
  private String dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description = {
        "Use PostgreSQL instead of the embedded SQLite database; must start with"
            + " jdbc:postgresql: (e.g. jdbc:postgresql://db:5432/watchword). Command lines are"
            + " visible to other local users: put a URL with a password in WATCHWORD_DB_URL."
      })
  private String dbUrl;

  @Option(
      names = "--dev",
      description = {
        "Development mode: loopback only (a non-loopback --address is refused), a fresh"
            + " temporary data directory unless --data-dir is given, and an owner account named"
            + " dev. Prints one line with a bearer token for that owner, valid while the server"
            + " runs:",
        "  dev token: <TOKEN>"
      })
  private boolean dev;

  private final LaunchEnvironment environment;
  private final ProcessRunner runner;

  /** The command as {@code watchword serve} runs it. */
  ServeCommand() {
    this(LaunchEnvironment.current(), new ForegroundProcess());
  }

  ServeCommand(LaunchEnvironment environment, ProcessRunner runner) {
    this.environment = environment;
    this.runner = runner;
  }

  /**
   * @return the server's exit status, or 1 if it could not be started
   * @throws ParameterException (exit status 2) if a setting is refused; nothing is started then
   */
  @Override
  public Integer call() {
    ServeOptions options = new ServeOptions(port, address, dataDir, dbUrl, dev);
    try {
      options.check(environment.variables());
    } catch (InvalidServeSettingException refused) {
      throw new ParameterException(spec.commandLine(), refused.getMessage());
    }
    return LaunchEnvironment.runOrReport(runner, () -> serverCommand(options), spec.commandLine(), 1);
  }

  /** {@code java [WATCHWORD_JAVA_OPTS] -jar SERVER_JAR [--watchword.*=...]}. */
  List<String> serverCommand(ServeOptions options) {
    return environment.serverJarCommand(options.serverArguments());
  }
}
