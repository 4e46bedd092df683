package dev.watchword.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs one of the server jar's offline tools ({@code audit verify}, {@code backup},
 * {@code restore}) in a child JVM and exits with its status. The tool reads the data directory
 * itself; this side only passes the options on and never sees a password.
 */
abstract class ServerJarCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private final LaunchEnvironment environment;
  private final ProcessRunner runner;
  private final int launchFailureStatus;

  /** @param launchFailureStatus the exit status when the child JVM cannot be started */
  ServerJarCommand(LaunchEnvironment environment, ProcessRunner runner, int launchFailureStatus) {
    this.environment = environment;
    this.runner = runner;
    this.launchFailureStatus = launchFailureStatus;
  }

  @Override
  public Integer call() {
    return LaunchEnvironment.runOrReport(runner, this::command, spec.commandLine(), launchFailureStatus);
  }

  /** {@code java [WATCHWORD_JAVA_OPTS] -jar SERVER_JAR TOOL --option value ...}. */
  List<String> command() {
    return environment.serverJarCommand(arguments().list());
  }

  /** The tool's name and the options that were given. */
  abstract ServerJarArguments arguments();
}
