package dev.watchword.benchmarks.loginstorm;

import dev.watchword.benchmarks.loginstorm.AttemptMix.Attempt;
import dev.watchword.benchmarks.server.ServerMemory.Heap;
import dev.watchword.benchmarks.loginstorm.StormResult.Latencies;
import dev.watchword.benchmarks.server.ResourceSampler;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Prints a storm's figures as plain text, one fact a line. */
final class StormReport {

  /** The server's memory around the storm; each figure empty when it could not be read. */
  record Memory(OptionalLong rssBeforeKib, ResourceSampler.Window window, OptionalLong lifetimePeakKib,
      OptionalLong rssAfterKib, Optional<Heap> heapAfter, Optional<Heap> liveHeapAfter) {}

  private static final int[] ALWAYS_SHOWN = {200, 401, 429, 503};
  /** Processors' worth of CPU used by neither the server nor the driver that spoils a run. */
  private static final double OTHER_LOAD_WARNING = 0.25;

  private final PrintStream out;

  StormReport(PrintStream out) {
    this.out = out;
  }

  void print(StormResult result, OptionalDouble rawRate, Memory memory) {
    out.printf("Answers completed in the %.1f s window (%d requests sent in all, warm-up included)%s:%n",
        result.window().toNanos() / 1e9, result.issued(),
        result.stoppedByCount() ? "; --max-requests ended the storm early" : "");
    out.printf("  %-8s %8s %9s %9s %9s %9s %9s%n", "status", "count", "per s", "p50 ms", "p90 ms", "p99 ms",
        "max ms");
    TreeSet<Integer> statuses = new TreeSet<>(result.byStatus().keySet());
    for (int status : ALWAYS_SHOWN) {
      statuses.add(status);
    }
    for (int status : statuses) {
      row(statusName(status), result.byStatus().get(status), result);
    }
    row("all", result.all(), result);
    for (Map.Entry<Attempt, Map<Integer, Long>> entry : result.statusesByAttempt().entrySet()) {
      out.printf("  %s: %s%n", entry.getKey().label, entry.getValue().entrySet().stream()
          .map(e -> statusName(e.getKey()) + " ×" + e.getValue()).collect(Collectors.joining(", ")));
    }
    double verified = result.perSecond(result.count(200) + result.count(401));
    out.printf("Argon2id verifications answered (200 + 401): %.1f/s", verified);
    rawRate.ifPresentOrElse(
        raw -> out.printf("; raw Argon2id rate %.1f/s, so %.0f %% of it%n", raw, 100 * verified / raw),
        () -> out.printf("; give --raw-rate to compare with the raw Argon2id rate%n"));
    ResourceSampler.Window window = memory.window();
    out.printf("CPU during the window, in processors busy: server %s, this driver %s, whole machine %s, of %d%n",
        decimal(window.serverCores()), decimal(window.driverCores()), decimal(window.machineCores()),
        Runtime.getRuntime().availableProcessors());
    OptionalDouble others = window.otherCores();
    if (others.isPresent() && others.getAsDouble() > OTHER_LOAD_WARNING) {
      out.printf("WARNING: other processes kept %.2f processors busy during the window; run again on an idle "
          + "machine before trusting these figures%n", others.getAsDouble());
    }
    out.printf("Server RSS: %s before the storm, peak %s during the window, %s after; lifetime peak (VmHWM) %s%n",
        mib(memory.rssBeforeKib()), mib(memory.window().peakServerRssKib()), mib(memory.rssAfterKib()),
        mib(memory.lifetimePeakKib()));
    out.printf("Server heap after the storm: %s; after a full GC: %s%n",
        heap(memory.heapAfter()), heap(memory.liveHeapAfter()));
  }

  private void row(String name, Latencies latencies, StormResult result) {
    if (latencies == null || latencies.count() == 0) {
      out.printf("  %-8s %8d %9.1f %9s %9s %9s %9s%n", name, 0, 0.0, "-", "-", "-", "-");
      return;
    }
    out.printf("  %-8s %8d %9.1f %9.1f %9.1f %9.1f %9.1f%n", name, latencies.count(),
        result.perSecond(latencies.count()), millis(latencies.percentileNanos(50)),
        millis(latencies.percentileNanos(90)), millis(latencies.percentileNanos(99)), millis(latencies.maxNanos()));
  }

  private static String statusName(int status) {
    return switch (status) {
      case Samples.TIMEOUT -> "timeout";
      case Samples.IO_ERROR -> "I/O err";
      default -> Integer.toString(status);
    };
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static String decimal(OptionalDouble value) {
    return value.isPresent() ? String.format("%.2f", value.getAsDouble()) : "unknown";
  }

  private static String mib(OptionalLong kib) {
    return kib.isPresent() ? String.format("%.0f MiB", kib.getAsLong() / 1024.0) : "unknown";
  }

  private static String heap(Optional<Heap> heap) {
    return heap.map(h -> String.format("%.0f MiB used of %.0f MiB committed", h.usedKib() / 1024.0,
        h.committedKib() / 1024.0)).orElse("unknown");
  }
}
