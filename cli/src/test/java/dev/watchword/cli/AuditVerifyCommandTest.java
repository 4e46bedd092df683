package dev.watchword.cli;

import static dev.watchword.cli.CommandRun.watchword;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {

  @TempDir Path temp;
  private Path serverJar;

  @BeforeEach
  void createServerJar() throws IOException {
    serverJar = Files.createFile(temp.resolve("watchword-server-exec.jar"));
  }

  @Test
  void verifyWhenDataDirGivenThenRunsTheServerJarsOfflineVerifierAndExitsWithItsStatus() {
    CommandRun run = watchword().serverJar(serverJar).serverExitsWith(1)
        .run("audit", "verify", "--data-dir", "/srv/ww", "--db-url", "jdbc:postgresql://db/ww");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.launched).containsExactly(List.of(CommandRun.JAVA.toString(), "-jar", serverJar.toString(),
        "audit-verify", "--data-dir", "/srv/ww", "--db-url", "jdbc:postgresql://db/ww"));
  }

  @Test
  void verifyWhenDataDirMissingThenUsageErrorAndNothingLaunched() {
    CommandRun run = watchword().serverJar(serverJar).run("audit", "verify");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--data-dir");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void verifyWhenServerJarMissingThenExitTwoWithTheReason() {
    CommandRun run = watchword().run("audit", "verify", "--data-dir", "/srv/ww");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("watchword.server.jar");
  }
}
