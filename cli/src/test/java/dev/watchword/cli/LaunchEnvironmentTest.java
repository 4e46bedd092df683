package dev.watchword.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchEnvironmentTest {

  @Test
  void currentWhenRunningThenChildUsesThisJvmsJavaBinary() {
    Path java = LaunchEnvironment.current().javaExecutable();

    assertThat(java).startsWith(Path.of(System.getProperty("java.home")));
    assertThat(Files.isExecutable(java)).isTrue();
  }

  @Test
  void javaOptionsWhenVariableUnsetThenEmpty() {
    LaunchEnvironment environment = new LaunchEnvironment(Map.of(), Optional.empty(), Path.of("java"));

    assertThat(environment.javaOptions()).isEmpty();
  }

  @Test
  void javaOptionsWhenVariableHasRunsOfWhitespaceThenSplitsOnThem() {
    LaunchEnvironment environment =
        new LaunchEnvironment(
            Map.of("WATCHWORD_JAVA_OPTS", " -Xmx1g \n -XX:+UseZGC  "), Optional.empty(), Path.of("java"));

    assertThat(environment.javaOptions()).containsExactly("-Xmx1g", "-XX:+UseZGC");
  }
}
