package dev.watchword.benchmarks.loginstorm;

import dev.watchword.benchmarks.loginstorm.AttemptMix.Attempt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop sign-in storm: each client thread sends one {@code POST /api/v1/auth/login},
 * waits for the answer, and sends the next at once, ignoring {@code Retry-After} as an attacker
 * or a crowd of impatient users would.
 *
 * <p>Bounded: no request starts after the window ends or after {@code maxRequests} in all; a
 * request still open then has the request timeout to finish, after which the threads are
 * interrupted and abandoned (they are daemon threads).
 */
final class Storm {

  private final HttpClient http;
  private final URI login;
  private final StormUsers users;
  private final AttemptMix mix;
  private final boolean spreadAddresses;
  private final Duration requestTimeout;

  Storm(HttpClient http, URI baseUri, StormUsers users, AttemptMix mix, boolean spreadAddresses,
      Duration requestTimeout) {
    this.http = http;
    this.login = baseUri.resolve("/api/v1/auth/login");
    this.users = users;
    this.mix = mix;
    this.spreadAddresses = spreadAddresses;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Runs {@code clients} clients for the warm-up and then the measured window, and keeps the
   * answers that completed inside the window.
   */
  StormResult run(int clients, Duration warmup, Duration measurement, long maxRequests) throws InterruptedException {
    long windowStart = System.nanoTime() + warmup.toNanos();
    long windowEnd = windowStart + measurement.toNanos();
    AtomicLong issued = new AtomicLong();
    AtomicLong countRanOutAt = new AtomicLong(Long.MAX_VALUE);
    List<Samples> perClient = new ArrayList<>();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> {
      Thread thread = new Thread(runnable, "storm-client-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    for (int i = 0; i < clients; i++) {
      Samples samples = new Samples();
      perClient.add(samples);
      pool.execute(() -> client(samples, windowStart, windowEnd, issued, maxRequests, countRanOutAt));
    }
    pool.shutdown();
    long grace = Math.max(0, windowEnd - System.nanoTime()) + requestTimeout.plusSeconds(5).toNanos();
    if (!pool.awaitTermination(grace, TimeUnit.NANOSECONDS)) {
      pool.shutdownNow();
      throw new IllegalStateException("clients did not stop within the request timeout after the window");
    }
    long end = Math.max(windowStart, Math.min(windowEnd, countRanOutAt.get()));
    return StormResult.merge(perClient, Duration.ofNanos(end - windowStart), windowStart, end, issued.get(),
        countRanOutAt.get() < windowEnd);
  }

  private void client(Samples samples, long windowStart, long windowEnd, AtomicLong issued, long maxRequests,
      AtomicLong countRanOutAt) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() < windowEnd && !Thread.currentThread().isInterrupted()) {
      if (issued.incrementAndGet() > maxRequests) {
        issued.decrementAndGet();
        countRanOutAt.accumulateAndGet(System.nanoTime(), Math::min);
        return;
      }
      Attempt attempt = mix.next(random);
      HttpRequest.Builder request = HttpRequest.newBuilder(login)
          .timeout(requestTimeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(users.loginBody(attempt, random)));
      if (spreadAddresses) {
        request.header("X-Forwarded-For", randomBenchmarkingAddress(random));
      }
      long sent = System.nanoTime();
      int status;
      try {
        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (HttpTimeoutException e) {
        status = Samples.TIMEOUT;
      } catch (IOException e) {
        status = Samples.IO_ERROR;
      } catch (InterruptedException e) {
        return;
      }
      long answered = System.nanoTime();
      if (answered >= windowStart && answered <= windowEnd) {
        samples.add(status, attempt, answered - sent);
      }
    }
  }

  /** An address in 198.18.0.0/15, the block RFC 2544 sets aside for benchmarks. */
  private static String randomBenchmarkingAddress(ThreadLocalRandom random) {
    return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
  }
}
