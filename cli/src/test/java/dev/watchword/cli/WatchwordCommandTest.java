package dev.watchword.cli;

import static dev.watchword.cli.CommandRun.watchword;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatchwordCommandTest {

  @Test
  void helpWhenAskedThenListsServeWithItsOneLineDescription() {
    CommandRun run = watchword().run("--help");

    assertThat(run.exitCode).isZero();
    assertThat(run.out)
        .contains("Usage: watchword")
        .containsPattern("serve\\s+Start the Watchword server in the foreground")
        .contains("help ");
    assertThat(run.err).isEmpty();
  }

  @Test
  void helpCommandWhenGivenServeThenPrintsServeUsage() {
    CommandRun run = watchword().run("help", "serve");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("Usage: watchword serve");
  }

  @Test
  void runWhenNoSubcommandThenPrintsUsageAndExitsWithUsageStatus() {
    CommandRun run = watchword().run();

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("Usage: watchword").contains("serve");
    assertThat(run.launched).isEmpty();
  }

  @Test
  void runWhenSubcommandMisspelledThenSuggestsServe() {
    CommandRun run = watchword().run("srve");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("'srve'").contains("Did you mean: watchword serve?");
  }

  @Test
  void versionWhenAskedThenNamesWatchword() {
    CommandRun run = watchword().run("--version");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).startsWith("watchword ");
  }
}
