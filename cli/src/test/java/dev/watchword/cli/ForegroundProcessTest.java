package dev.watchword.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ForegroundProcessTest {

  private static final Duration SHORT_GRACE = Duration.ofMillis(500);

  private static void assumeUnixShell() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
  }

  @Test
  void runWhenChildExitsThenReturnsItsExitStatus() {
    assumeUnixShell();

    int status = new ForegroundProcess().run(List.of("/bin/sh", "-c", "exit 7"));

    assertThat(status).isEqualTo(7);
  }

  @Test
  void runWhenCommandDoesNotExistThenLaunchFails() {
    assertThatThrownBy(() -> new ForegroundProcess().run(List.of("/no/such/java")))
        .isInstanceOf(ServerLaunchException.class)
        .hasMessageContaining("/no/such/java");
  }

  @Test
  void stopWhenChildHonoursTermThenItEndsWithinTheGracePeriod() throws IOException {
    assumeUnixShell();
    Process child = new ProcessBuilder("/bin/sh", "-c", "exec sleep 60").start();

    new ForegroundProcess(Duration.ofSeconds(10)).stop(child);

    assertThat(child.isAlive()).isFalse();
    assertThat(child.exitValue()).isEqualTo(128 + 15);
  }

  @Test
  void stopWhenChildIgnoresTermThenItIsKilledAfterTheGracePeriod()
      throws IOException, InterruptedException {
    assumeUnixShell();
    Process child = new ProcessBuilder("/bin/sh", "-c", "trap '' TERM; exec sleep 60").start();
    Thread.sleep(200); // let the shell install its trap before we signal it

    new ForegroundProcess(SHORT_GRACE).stop(child);

    assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(128 + 9);
  }
}
