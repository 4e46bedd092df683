package dev.watchword.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code serve} takes from the process it runs in: environment variables, the server jar
 * named by the launcher script, and the {@code java} binary that runs this JVM.
 *
 * @param variables the environment, read for {@code WATCHWORD_*} settings
 * @param serverJarProperty the {@value #SERVER_JAR_PROPERTY} system property, if set
 * @param javaExecutable the {@code java} binary for the child JVM
 */
record LaunchEnvironment(
    Map<String, String> variables, Optional<String> serverJarProperty, Path javaExecutable) {

  /** Set by the {@code ./watchword} script to the absolute path of the server's executable jar. */
  static final String SERVER_JAR_PROPERTY = "watchword.server.jar";

  /** JVM options for the server, separated by whitespace. */
  static final String JAVA_OPTS_VARIABLE = "WATCHWORD_JAVA_OPTS";

  /** This process's environment; the child JVM uses the same Java runtime as this one. */
  static LaunchEnvironment current() {
    String binary = System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java";
    return new LaunchEnvironment(
        System.getenv(),
        Optional.ofNullable(System.getProperty(SERVER_JAR_PROPERTY)),
        Path.of(System.getProperty("java.home"), "bin", binary));
  }

  /**
   * The server's executable jar as an absolute path.
   *
   * @throws ServerLaunchException if the property is missing or names no file
   */
  Path serverJar() {
    String named =
        serverJarProperty
            .filter(value -> !value.isBlank())
            .orElseThrow(
                () ->
                    new ServerLaunchException(
                        "The system property "
                            + SERVER_JAR_PROPERTY
                            + " is not set. Start Watchword with the ./watchword script, or pass"
                            + " -D"
                            + SERVER_JAR_PROPERTY
                            + "=PATH/watchword-server-exec.jar to java."));
    Path jar = Path.of(named).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new ServerLaunchException(
          "The server jar "
              + jar
              + " does not exist. Build it with 'mvn -pl server -am package' or run ./watchword,"
              + " which builds what is missing.");
    }
    return jar;
  }

  /**
   * {@code java [WATCHWORD_JAVA_OPTS] -jar SERVER_JAR ARGUMENTS...}: the server jar in a child JVM.
   *
   * @throws ServerLaunchException if the server jar is not set or missing
   */
  List<String> serverJarCommand(List<String> arguments) {
    Path jar = serverJar();
    List<String> command = new java.util.ArrayList<>();
    command.add(javaExecutable().toString());
    command.addAll(javaOptions());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    return command;
  }

  /**
   * Runs the command {@code command} builds and returns its status; if it cannot be started,
   * prints why on the command line's error stream and returns {@code failureStatus}.
   */
  static int runOrReport(ProcessRunner runner, java.util.function.Supplier<List<String>> command,
      picocli.CommandLine commandLine, int failureStatus) {
    try {
      return runner.run(command.get());
    } catch (ServerLaunchException failed) {
      java.io.PrintWriter err = commandLine.getErr();
      err.println(commandLine.getColorScheme().errorText("watchword: " + failed.getMessage()));
      err.flush();
      return failureStatus;
    }
  }

  /** {@value #JAVA_OPTS_VARIABLE} split on whitespace; empty if unset. No quoting is supported. */
  List<String> javaOptions() {
    String options = variables.getOrDefault(JAVA_OPTS_VARIABLE, "").strip();
    return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
  }
}
