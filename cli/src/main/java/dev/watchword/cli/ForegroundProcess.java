package dev.watchword.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process that lives and dies with this JVM: if this JVM is asked to stop
 * (Ctrl-C, SIGTERM), a shutdown hook asks the child to stop too and, after a grace period,
 * kills it, so no server outlives its launcher.
 */
final class ForegroundProcess implements ProcessRunner {

  /** How long a child may take to shut down gracefully before it is killed. */
  static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(10);

  private final Duration gracePeriod;

  ForegroundProcess() {
    this(DEFAULT_GRACE_PERIOD);
  }

  ForegroundProcess(Duration gracePeriod) {
    this.gracePeriod = gracePeriod;
  }

  @Override
  public int run(List<String> command) {
    Process child;
    try {
      child = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      throw new ServerLaunchException("Could not start " + command.get(0) + ": " + e.getMessage(), e);
    }
    Thread stopChild = new Thread(() -> stop(child), "watchword-stop-child");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      stop(child);
      Thread.currentThread().interrupt();
      throw new ServerLaunchException("Interrupted while the child process was running", e);
    } finally {
      removeHook(stopChild);
    }
  }

  /**
   * Asks {@code child} to stop (SIGTERM on Unix) and kills it if it is still running after the
   * grace period. Returns once the child has ended or the kill has been sent.
   */
  void stop(Process child) {
    if (!child.isAlive()) {
      return;
    }
    child.destroy();
    try {
      if (!child.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
        child.destroyForcibly().waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownInProgress) {
      // The hook is already running and stops the child; nothing to undo.
    }
  }
}
