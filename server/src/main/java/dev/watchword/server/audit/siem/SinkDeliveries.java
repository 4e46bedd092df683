package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs one {@link SinkDelivery} per enabled sink while the application runs: started once the
 * context is ready, stopped (a delivery in flight may finish) before the database closes.
 * Events keep accumulating while a sink is stopped; its cursor says where to resume.
 */
@Component
class SinkDeliveries implements SmartLifecycle {

  private static final Duration GRACE = Duration.ofSeconds(3);

  private final AuditSinks sinks;
  private final AuditReader reader;
  private final SinkCursors cursors;
  private final SiemProperties properties;
  private final Clock clock;
  private final SecureRandom random;
  private final Map<String, Supplier<AuditSink>> factories = new LinkedHashMap<>();
  private final Map<String, SinkDelivery> running = new LinkedHashMap<>();
  private boolean started;

  SinkDeliveries(AuditSinks sinks, AuditReader reader, SinkCursors cursors, SiemProperties properties, Clock clock,
      SecureRandom random) {
    this.sinks = sinks;
    this.reader = reader;
    this.cursors = cursors;
    this.properties = properties;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public synchronized void start() {
    for (Supplier<AuditSink> factory : sinks.enabled()) {
      AuditSink sink = factory.get();
      factories.put(sink.name(), factory);
      launch(sink);
    }
    started = true;
  }

  @Override
  public synchronized void stop() {
    running.values().forEach(delivery -> delivery.stop(GRACE));
    started = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return started;
  }

  /** Stops one sink's loop, as a shutdown would (for tests and operations). */
  synchronized void stop(String name) {
    SinkDelivery delivery = running.get(name);
    if (delivery != null) {
      delivery.stop(GRACE);
    }
  }

  /** Starts a fresh loop with a fresh sink, as a server restart would: it resumes from the cursor. */
  synchronized void restart(String name) {
    Supplier<AuditSink> factory = factories.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("no enabled audit sink is named " + name);
    }
    stop(name);
    launch(factory.get());
  }

  /** A loop over {@code sink} with the configured batch size and backoff, not started. */
  SinkDelivery delivery(AuditSink sink) {
    return new SinkDelivery(sink, reader, cursors, clock,
        new Backoff(properties.initialBackoff(), properties.maxBackoff(), random), properties.pollInterval(),
        properties.batchSize());
  }

  private void launch(AuditSink sink) {
    SinkDelivery delivery = delivery(sink);
    running.put(sink.name(), delivery);
    delivery.start();
  }

  /** The status of every configured sink, in configuration order. */
  synchronized List<SinkStatus> statuses() {
    long head = reader.headSeq();
    Map<String, Long> stored = cursors.cursors();
    List<SinkStatus> statuses = new ArrayList<>();
    running.forEach((name, delivery) -> statuses.add(delivery.status(stored.getOrDefault(name, 0L), head)));
    return statuses;
  }
}
