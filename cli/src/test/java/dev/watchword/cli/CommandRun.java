package dev.watchword.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Runs {@code watchword} in-process with a fake environment and a runner that starts nothing. */
final class CommandRun {

  static final Path JAVA = Path.of("/opt/jdk/bin/java");

  final int exitCode;
  final String out;
  final String err;
  /** The commands {@code serve} would have started, in order. */
  final List<List<String>> launched;

  private CommandRun(int exitCode, String out, String err, List<List<String>> launched) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
    this.launched = launched;
  }

  static Builder watchword() {
    return new Builder();
  }

  static final class Builder {
    private Map<String, String> variables = Map.of();
    private Optional<String> serverJar = Optional.empty();
    private int serverExitCode = 0;
    private ServerLaunchException launchFailure;

    Builder environment(Map<String, String> variables) {
      this.variables = variables;
      return this;
    }

    Builder serverJar(Path jar) {
      this.serverJar = Optional.of(jar.toString());
      return this;
    }

    Builder serverExitsWith(int exitCode) {
      this.serverExitCode = exitCode;
      return this;
    }

    Builder serverFailsToStart(String message) {
      this.launchFailure = new ServerLaunchException(message);
      return this;
    }

    CommandRun run(String... args) {
      List<List<String>> launched = new ArrayList<>();
      ProcessRunner runner =
          command -> {
            launched.add(List.copyOf(command));
            if (launchFailure != null) {
              throw launchFailure;
            }
            return serverExitCode;
          };
      LaunchEnvironment environment = new LaunchEnvironment(variables, serverJar, JAVA);
      CommandLine.IFactory factory =
          new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
              if (type == ServeCommand.class) {
                return type.cast(new ServeCommand(environment, runner));
              }
              if (type == AuditCommand.Verify.class) {
                return type.cast(new AuditCommand.Verify(environment, runner));
              }
              if (type == BackupCommand.class) {
                return type.cast(new BackupCommand(environment, runner));
              }
              if (type == RestoreCommand.class) {
                return type.cast(new RestoreCommand(environment, runner));
              }
              return CommandLine.defaultFactory().create(type);
            }
          };
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine commandLine =
          WatchwordCommand.commandLine(factory)
              .setOut(new PrintWriter(out, true))
              .setErr(new PrintWriter(err, true));
      int exitCode = commandLine.execute(args);
      return new CommandRun(exitCode, out.toString(), err.toString(), launched);
    }
  }
}
