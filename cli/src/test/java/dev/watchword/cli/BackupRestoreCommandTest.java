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

class BackupRestoreCommandTest {

  @TempDir Path temp;
  private Path serverJar;

  @BeforeEach
  void createServerJar() throws IOException {
    serverJar = Files.createFile(temp.resolve("watchword-server-exec.jar"));
  }

  @Test
  void backupWhenOptionsGivenThenRunsTheServerJarsBackupAndExitsWithItsStatus() {
    CommandRun run = watchword().serverJar(serverJar).serverExitsWith(1)
        .run("backup", "--data-dir", "/srv/ww", "--out", "/backups/ww.wwbackup", "--db-url", "jdbc:postgresql://db/ww");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.launched).containsExactly(List.of(CommandRun.JAVA.toString(), "-jar", serverJar.toString(),
        "backup", "--data-dir", "/srv/ww", "--db-url", "jdbc:postgresql://db/ww", "--out", "/backups/ww.wwbackup"));
  }

  @Test
  void backupWhenAPasswordIsGivenOnTheCommandLineThenRefusedWithoutEchoingItAndNothingLaunched() {
    CommandRun run = watchword().serverJar(serverJar)
        .run("backup", "--data-dir", "/srv/ww", "--out", "/b.wwbackup", "--password=hunter2-hunter2-hunter2");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--password=...").doesNotContain("hunter2");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void backupWhenOutMissingThenUsageErrorAndNothingLaunched() {
    CommandRun run = watchword().serverJar(serverJar).run("backup", "--data-dir", "/srv/ww");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--out");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void restoreWhenOptionsGivenThenRunsTheServerJarsRestoreAndExitsWithItsStatus() {
    CommandRun run = watchword().serverJar(serverJar).serverExitsWith(3)
        .run("restore", "--in", "/backups/ww.wwbackup", "--data-dir", "/srv/ww-new");

    assertThat(run.exitCode).isEqualTo(3);
    assertThat(run.launched).containsExactly(List.of(CommandRun.JAVA.toString(), "-jar", serverJar.toString(),
        "restore", "--in", "/backups/ww.wwbackup", "--data-dir", "/srv/ww-new"));
  }

  @Test
  void restoreWhenServerJarMissingThenExitOneWithTheReason() {
    CommandRun run = watchword().run("restore", "--in", "/b.wwbackup", "--data-dir", "/srv/ww-new");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("watchword.server.jar");
  }

  @Test
  void helpWhenAskedThenSaysWhereThePasswordComesFromAndWhoMayBackUp() {
    CommandRun backup = watchword().run("backup", "--help");
    CommandRun restore = watchword().run("restore", "--help");
    CommandRun top = watchword().run("--help");

    assertThat(backup.out).contains("WATCHWORD_BACKUP_PASSWORD", "read the data directory", "at least 15");
    assertThat(restore.out).contains("WATCHWORD_BACKUP_PASSWORD", "Exit status");
    assertThat(top.out).contains("backup", "restore");
  }
}
