package dev.watchword.benchmarks.loginstorm;

import dev.watchword.benchmarks.loginstorm.AttemptMix.Attempt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a storm measured: every answer completed inside the measured window, by HTTP status, with
 * latencies, and how each kind of attempt was answered.
 *
 * @param window the measured window's length; rates are counts divided by it
 * @param windowStartNanos the window's start, as {@link System#nanoTime()}
 * @param windowEndNanos the window's end, as {@link System#nanoTime()}
 * @param issued requests sent in all, warm-up included
 * @param stoppedByCount whether {@code --max-requests} ended the storm before its time
 */
record StormResult(
    Duration window,
    long windowStartNanos,
    long windowEndNanos,
    long issued,
    boolean stoppedByCount,
    Map<Integer, Latencies> byStatus,
    Map<Attempt, Map<Integer, Long>> statusesByAttempt) {

  /** Sorted latencies of one group of answers, in nanoseconds. */
  record Latencies(long[] sortedNanos) {

    static Latencies of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Latencies(sorted);
    }

    int count() {
      return sortedNanos.length;
    }

    /** The nearest-rank percentile: the smallest latency at or above {@code percent} % of them. */
    long percentileNanos(double percent) {
      int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
      return sortedNanos[Math.max(0, rank - 1)];
    }

    long maxNanos() {
      return sortedNanos[sortedNanos.length - 1];
    }
  }

  static StormResult merge(List<Samples> perClient, Duration window, long startNanos, long endNanos, long issued,
      boolean stoppedByCount) {
    Map<Integer, List<Long>> latencies = new TreeMap<>();
    Map<Attempt, Map<Integer, Long>> byAttempt = new EnumMap<>(Attempt.class);
    for (Samples samples : perClient) {
      for (int i = 0; i < samples.size(); i++) {
        latencies.computeIfAbsent(samples.status(i), s -> new ArrayList<>()).add(samples.latencyNanos(i));
        byAttempt.computeIfAbsent(samples.attempt(i), a -> new TreeMap<>()).merge(samples.status(i), 1L, Long::sum);
      }
    }
    Map<Integer, Latencies> byStatus = new TreeMap<>();
    latencies.forEach((status, list) ->
        byStatus.put(status, Latencies.of(list.stream().mapToLong(Long::longValue).toArray())));
    return new StormResult(window, startNanos, endNanos, issued, stoppedByCount, byStatus, byAttempt);
  }

  /** All answers together. */
  Latencies all() {
    return Latencies.of(byStatus.values().stream().flatMapToLong(l -> Arrays.stream(l.sortedNanos())).toArray());
  }

  long count(int status) {
    Latencies latencies = byStatus.get(status);
    return latencies == null ? 0 : latencies.count();
  }

  double perSecond(long count) {
    return count / (window.toNanos() / 1e9);
  }
}
