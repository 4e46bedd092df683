package dev.watchword.benchmarks.loginstorm;

import dev.watchword.benchmarks.loginstorm.AttemptMix.Attempt;
import java.util.Arrays;

/**
 * The answers one client thread saw in the measured window: status, attempt kind and latency of
 * each. Confined to its thread until {@link StormResult#merge} reads it after the thread ended.
 */
final class Samples {

  /** Stands for a request that timed out on the client. */
  static final int TIMEOUT = -1;
  /** Stands for a request that failed with an I/O error (connection refused or reset). */
  static final int IO_ERROR = -2;

  private int size;
  private int[] statuses = new int[1024];
  private byte[] attempts = new byte[1024];
  private long[] latencies = new long[1024];

  void add(int status, Attempt attempt, long latencyNanos) {
    if (size == statuses.length) {
      int larger = size * 2;
      statuses = Arrays.copyOf(statuses, larger);
      attempts = Arrays.copyOf(attempts, larger);
      latencies = Arrays.copyOf(latencies, larger);
    }
    statuses[size] = status;
    attempts[size] = (byte) attempt.ordinal();
    latencies[size] = latencyNanos;
    size++;
  }

  int size() {
    return size;
  }

  int status(int i) {
    return statuses[i];
  }

  Attempt attempt(int i) {
    return Attempt.values()[attempts[i]];
  }

  long latencyNanos(int i) {
    return latencies[i];
  }
}
