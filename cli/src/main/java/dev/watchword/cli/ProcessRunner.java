package dev.watchword.cli;

import java.util.List;

/** Runs a command in the foreground and reports how it ended. */
@FunctionalInterface
interface ProcessRunner {

  /**
   * Runs {@code command} with this process's standard streams, environment and working
   * directory, and waits for it.
   *
   * @return the command's exit status
   * @throws ServerLaunchException if the command could not be started
   */
  int run(List<String> command);
}
