package dev.watchword.benchmarks.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a process's memory as Linux and the JVM report it: resident set size from
 * {@code /proc/<pid>/status}, heap from {@code jcmd <pid> GC.heap_info}. Every figure is in KiB
 * and empty when it could not be read (no {@code /proc}, no {@code jcmd}, the process gone).
 */
public final class ServerMemory {

  private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final Pattern STATUS_FIELD = Pattern.compile("^(\\w+):\\s+(\\d+) kB$", Pattern.MULTILINE);

  /** The heap as one {@code GC.heap_info} line gives it. */
  public record Heap(long usedKib, long committedKib) {}

  private ServerMemory() {}

  /** {@code VmRSS}: resident memory now. */
  public static OptionalLong rssKib(long pid) {
    return statusField(pid, "VmRSS");
  }

  /** {@code VmHWM}: the highest resident memory since the process started. */
  public static OptionalLong peakRssKib(long pid) {
    return statusField(pid, "VmHWM");
  }

  /** The heap as it is now, garbage included. */
  public static Optional<Heap> heap(long pid) {
    return jcmd(pid, "GC.heap_info").flatMap(ServerMemory::parseHeap);
  }

  /** The heap after a full collection ({@code jcmd GC.run}): what the server really holds. */
  public static Optional<Heap> liveHeap(long pid) {
    return jcmd(pid, "GC.run").flatMap(ignored -> heap(pid));
  }

  private static Optional<Heap> parseHeap(String heapInfo) {
    Matcher matcher = HEAP.matcher(heapInfo);
    return matcher.find()
        ? Optional.of(new Heap(Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(1))))
        : Optional.empty();
  }

  private static OptionalLong statusField(long pid, String field) {
    try {
      Matcher matcher = STATUS_FIELD.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
      while (matcher.find()) {
        if (matcher.group(1).equals(field)) {
          return OptionalLong.of(Long.parseLong(matcher.group(2)));
        }
      }
    } catch (IOException e) {
      // No /proc, or the process is gone: the figure is unknown.
    }
    return OptionalLong.empty();
  }

  private static Optional<String> jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> line = List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command);
    Path output = null;
    try {
      // Output to a file, not a pipe, so that a jcmd that hangs cannot block the driver.
      output = Files.createTempFile("watchword-storm-jcmd-", ".txt");
      Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 ? Optional.of(Files.readString(output)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // A few bytes left in the temporary directory.
        }
      }
    }
  }
}
