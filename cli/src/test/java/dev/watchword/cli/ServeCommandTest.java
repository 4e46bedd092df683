package dev.watchword.cli;

import static dev.watchword.cli.CommandRun.watchword;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  @TempDir Path temp;
  private Path serverJar;

  @BeforeEach
  void createServerJar() throws IOException {
    serverJar = Files.createFile(temp.resolve("watchword-server-exec.jar"));
  }

  @Test
  void serveWhenDevOnAllInterfacesThenRefusedBeforeLaunch() {
    CommandRun run = watchword().serverJar(serverJar).run("serve", "--dev", "--address", "0.0.0.0");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err)
        .contains("Development mode binds loopback only")
        .contains("--address 0.0.0.0")
        .contains("watchword serve --help");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void serveWhenDbUrlIsNotPostgresThenRefusedWithoutEchoingTheUrl() {
    CommandRun run =
        watchword()
            .serverJar(serverJar)
            .run("serve", "--db-url", "jdbc:mysql://db/watchword?password=hunter2");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--db-url must be a PostgreSQL JDBC URL").contains("jdbc:postgresql:");
    assertThat(run.err).doesNotContain("hunter2").doesNotContain("mysql");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void serveWhenAMistypedOptionCarriesAPasswordThenOnlyItsNameIsEchoed() {
    CommandRun run = watchword().serverJar(serverJar)
        .run("serve", "--db_url=jdbc:postgresql://db/ww?password=hunter2", "postgres://u:hunter3@db");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--db_url=").doesNotContain("hunter2").doesNotContain("hunter3");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void serveWhenPortIsNotANumberThenRefused() {
    CommandRun run = watchword().serverJar(serverJar).run("serve", "--port", "http");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--port");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void serveWhenAllOptionsGivenThenLaunchesServerJarWithThemInTheSameJava() {
    CommandRun run =
        watchword()
            .serverJar(serverJar)
            .run(
                "serve",
                "--port", "18080",
                "--address", "::1",
                "--data-dir", "relative/data",
                "--db-url", "jdbc:postgresql://localhost:5432/watchword",
                "--dev");

    assertThat(run.exitCode).isZero();
    assertThat(run.launched)
        .containsExactly(
            List.of(
                CommandRun.JAVA.toString(),
                "-jar",
                serverJar.toString(),
                "--watchword.port=18080",
                "--watchword.address=::1",
                "--watchword.data-dir=relative/data",
                "--watchword.db-url=jdbc:postgresql://localhost:5432/watchword",
                "--watchword.dev=true"));
  }

  @Test
  void serveWhenNoOptionsThenPassesNothingAndLeavesVariablesToTheServer() {
    CommandRun run =
        watchword()
            .serverJar(serverJar)
            .environment(
                Map.of(
                    "WATCHWORD_PORT", "9090",
                    "WATCHWORD_DATA_DIR", "/srv/watchword",
                    "WATCHWORD_JAVA_OPTS", "  -Xmx256m\t-Dfile.encoding=UTF-8 "))
            .run("serve");

    assertThat(run.launched)
        .containsExactly(
            List.of(
                CommandRun.JAVA.toString(),
                "-Xmx256m",
                "-Dfile.encoding=UTF-8",
                "-jar",
                serverJar.toString()));
  }

  @Test
  void serveWhenOptionAndVariableBothSetThenOptionIsPassedToOverrideIt() {
    CommandRun run =
        watchword()
            .serverJar(serverJar)
            .environment(Map.of("WATCHWORD_PORT", "not-a-port", "WATCHWORD_ADDRESS", "0.0.0.0"))
            .run("serve", "--port", "8081", "--address", "127.0.0.1", "--dev");

    assertThat(run.exitCode).isZero();
    assertThat(run.launched.get(0))
        .endsWith("--watchword.port=8081", "--watchword.address=127.0.0.1", "--watchword.dev=true");
  }

  @Test
  void serveWhenDevVariableWithNonLoopbackAddressVariableThenRefused() {
    CommandRun run =
        watchword()
            .serverJar(serverJar)
            .environment(Map.of("WATCHWORD_DEV", "true", "WATCHWORD_ADDRESS", "0.0.0.0"))
            .run("serve");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("WATCHWORD_ADDRESS=0.0.0.0");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void serveWhenServerExitsWithStatusThenExitsWithTheSameStatus() {
    CommandRun run = watchword().serverJar(serverJar).serverExitsWith(143).run("serve");

    assertThat(run.exitCode).isEqualTo(143);
  }

  @Test
  void serveWhenServerJarPropertyMissingThenFailsWithStatusOneAndSaysHowToFixIt() {
    CommandRun run = watchword().run("serve", "--dev");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("watchword.server.jar is not set").contains("./watchword");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void serveWhenServerJarDoesNotExistThenFailsWithStatusOneNamingIt() {
    Path missing = temp.resolve("gone.jar");

    CommandRun run = watchword().serverJar(missing).run("serve");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains(missing.toString()).contains("does not exist");
  }

  @Test
  void serveWhenChildCannotStartThenFailsWithStatusOne() {
    CommandRun run =
        watchword().serverJar(serverJar).serverFailsToStart("Could not start java").run("serve");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("watchword: Could not start java");
  }

  @Test
  void serveHelpWhenAskedThenDocumentsEveryOptionAndVariable() {
    CommandRun run = watchword().run("serve", "--help");

    assertThat(run.exitCode).isZero();
    assertThat(run.out)
        .contains("Usage: watchword serve")
        .contains("--port=N", "--address=HOST", "--data-dir=DIR", "--db-url=JDBC_URL", "--dev")
        .contains(
            "WATCHWORD_PORT",
            "WATCHWORD_ADDRESS",
            "WATCHWORD_DATA_DIR",
            "WATCHWORD_DB_URL",
            "WATCHWORD_DEV",
            "WATCHWORD_JAVA_OPTS")
        .contains("dev token: <TOKEN>")
        .contains("Exit status:");
    assertThat(run.launched).isEmpty();
  }
}
