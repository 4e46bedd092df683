package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditQuery;
import dev.watchword.server.audit.AuditReader;
import dev.watchword.server.audit.AuditRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery loop of one sink, on a thread of its own: read the events after the sink's cursor,
 * deliver them, and only then move the cursor.
 *
 * <p>Guarantees: at least once. The cursor moves (in a short transaction of its own) only after
 * the sink accepted the batch, so a crash or failure between the two delivers that batch again,
 * never skips it; while the receiver is down the cursor stays and the loop backs off. A halted
 * sink keeps its cursor too. A full batch is followed at once by the next, so a backlog drains
 * without waiting for the poll interval.
 */
final class SinkDelivery {

  private static final Logger log = LoggerFactory.getLogger(SinkDelivery.class);

  /** What one step decided. */
  enum Outcome { DELIVERED_FULL, DELIVERED, IDLE, RETRYING, HALTED }

  private final AuditSink sink;
  private final AuditReader reader;
  private final SinkCursors cursors;
  private final Clock clock;
  private final Backoff backoff;
  private final Duration pollInterval;
  private final int batchSize;
  private final ScheduledThreadPoolExecutor thread;

  private volatile String state = "running";
  private volatile Instant lastSuccess;
  private volatile String lastError;
  private volatile Instant lastErrorAt;
  private volatile Duration retryIn = Duration.ZERO;

  SinkDelivery(AuditSink sink, AuditReader reader, SinkCursors cursors, Clock clock, Backoff backoff,
      Duration pollInterval, int batchSize) {
    this.sink = sink;
    this.reader = reader;
    this.cursors = cursors;
    this.clock = clock;
    this.backoff = backoff;
    this.pollInterval = pollInterval;
    this.batchSize = batchSize;
    this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread worker = new Thread(runnable, "audit-sink-" + sink.name());
      worker.setDaemon(true);
      return worker;
    });
    // on stop, a wait already scheduled is dropped; only a delivery in flight is awaited
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  String name() {
    return sink.name();
  }

  void start() {
    thread.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
  }

  /** Stops the loop, waiting up to {@code grace} for a delivery in flight, then closes the sink. */
  void stop(Duration grace) {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    sink.close();
    if (!state.equals("halted")) {
      state = "stopped";
    }
  }

  private void loop() {
    Outcome outcome = step();
    Duration delay = switch (outcome) {
      case DELIVERED_FULL -> Duration.ZERO;
      case DELIVERED, IDLE -> pollInterval;
      case RETRYING -> retryIn;
      case HALTED -> null;
    };
    if (delay != null && !thread.isShutdown()) {
      try {
        thread.schedule(this::loop, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopping: the loop ends here
      }
    }
  }

  /** One pass: deliver the next batch after the cursor, if any. Never throws. */
  Outcome step() {
    try {
      long cursor = cursors.cursor(sink.name());
      List<AuditRecord> batch = reader.page(new AuditQuery(null, null, null, null, null, null, null, cursor,
          batchSize));
      if (batch.isEmpty()) {
        return recovered(Outcome.IDLE);
      }
      sink.deliver(batch);
      cursors.advance(sink.name(), batch.get(batch.size() - 1).seq(), clock.millis());
      lastSuccess = clock.instant();
      return recovered(batch.size() == batchSize ? Outcome.DELIVERED_FULL : Outcome.DELIVERED);
    } catch (DeliveryException e) {
      if (e.permanent()) {
        return halted(e.getMessage());
      }
      Duration wait = backoff.next();
      if (e.retryAfter().isPresent() && e.retryAfter().get().compareTo(wait) > 0) {
        wait = e.retryAfter().get();
      }
      return retrying(e.getMessage(), wait);
    } catch (RuntimeException e) {
      // the database (reading events, moving the cursor) or a bug: retry like a transient failure
      return retrying(sink.name() + ": " + DeliveryException.describe(e), backoff.next());
    }
  }

  private Outcome recovered(Outcome outcome) {
    if (lastError != null) {
      log.info("Audit sink {} delivers again after {} failed attempt(s)", sink.name(), backoff.failures());
      lastError = null;
    }
    backoff.reset();
    state = "running";
    return outcome;
  }

  private Outcome retrying(String error, Duration wait) {
    if (lastError == null) {
      log.warn("Audit sink {} failed, retrying with backoff (events are kept): {}", sink.name(), error);
    } else {
      log.debug("Audit sink {} failed again, next attempt in {}: {}", sink.name(), wait, error);
    }
    lastError = error;
    lastErrorAt = clock.instant();
    retryIn = wait;
    state = "retrying";
    return Outcome.RETRYING;
  }

  private Outcome halted(String error) {
    log.error("Audit sink {} halted; its events are kept and delivered after a restart: {}", sink.name(), error);
    lastError = error;
    lastErrorAt = clock.instant();
    state = "halted";
    return Outcome.HALTED;
  }

  SinkStatus status(long cursor, long head) {
    return new SinkStatus(sink.name(), state, cursor, head, Math.max(0, head - cursor), lastSuccess, lastError,
        lastErrorAt);
  }
}
