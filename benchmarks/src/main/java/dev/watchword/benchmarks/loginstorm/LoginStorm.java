package dev.watchword.benchmarks.loginstorm;

import dev.watchword.benchmarks.server.ResourceSampler;
import dev.watchword.benchmarks.server.ServerMemory;
import dev.watchword.benchmarks.server.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Measures sign-in throughput and server memory under a login storm.
 *
 * <p>Starts a Watchword server as a child process on loopback with a fresh data directory,
 * creates the accounts, runs a bounded storm of {@code POST /api/v1/auth/login} from many
 * concurrent clients, prints the figures, and always stops the server and deletes its data.
 * A deadline well past the expected run time ends the driver (and so the server) even if
 * something hangs. See {@link StormOptions#USAGE} and {@code benchmarks/README.md}.
 */
public final class LoginStorm {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private LoginStorm() {}

  public static void main(String[] args) throws InterruptedException {
    StormOptions options;
    try {
      options = StormOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("login storm: " + e.getMessage());
      }
      System.err.print(StormOptions.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    exitAfter(deadline(options));
    int status;
    try {
      status = run(options);
    } catch (IOException | RuntimeException e) {
      // Also what a Ctrl-C during the run looks like: the shutdown hook has stopped the server.
      System.err.println("login storm: stopped: " + e);
      status = 1;
    }
    System.exit(status);
  }

  private static int run(StormOptions options) throws IOException, InterruptedException {
    System.out.printf("Login storm, %s; %d processors, JDK %s; load average %s before%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), loadAverage());
    System.out.printf("Server JVM %s; server arguments %s%n", options.serverJvmArgs(),
        options.serverArgs().isEmpty() ? "(none)" : options.serverArgs());
    System.out.printf("Storm: %d clients, %d s warm-up, %d s measured, correct:wrong:unknown %s, %d users, %s%n",
        options.clients(), options.warmup().toSeconds(), options.measurement().toSeconds(), options.mix(),
        options.users(), options.spreadAddresses()
            ? "random X-Forwarded-For addresses in 198.18.0.0/15"
            : "every request from 127.0.0.1 (the address throttle blocks after 100 failures)");
    ServerProcess server = ServerProcess.start(options.serverJar(), options.serverJvmArgs(), options.serverArgs(),
        START_TIMEOUT);
    Thread cleanup = new Thread(server::close, "stop-server");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try (ResourceSampler sampler = new ResourceSampler(server.handle())) {
      HttpClient http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
      long creating = System.nanoTime();
      StormUsers users = StormUsers.create(http, server.baseUri(), server.devToken(), options.users(),
          new SecureRandom());
      System.out.printf("Created %d users in %.1f s%n", users.size(), (System.nanoTime() - creating) / 1e9);
      var rssBefore = ServerMemory.rssKib(server.pid());
      Storm storm = new Storm(http, server.baseUri(), users, options.mix(), options.spreadAddresses(),
          options.requestTimeout());
      StormResult result = storm.run(options.clients(), options.warmup(), options.measurement(),
          options.maxRequests());
      var memory = new StormReport.Memory(rssBefore,
          sampler.window(result.windowStartNanos(), result.windowEndNanos()),
          ServerMemory.peakRssKib(server.pid()), ServerMemory.rssKib(server.pid()),
          ServerMemory.heap(server.pid()), ServerMemory.liveHeap(server.pid()));
      new StormReport(System.out).print(result, options.rawRate(), memory);
      System.out.printf("Load average %s after%n", loadAverage());
      return 0;
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook finds the server closed.
      }
    }
  }

  /** Longer than any run could take with these options, unless something hangs. */
  private static Duration deadline(StormOptions options) {
    return START_TIMEOUT
        .plusSeconds(2L * options.users())
        .plus(options.warmup())
        .plus(options.measurement())
        .plus(options.requestTimeout())
        .plusSeconds(120);
  }

  /** Ends the JVM after the deadline; the shutdown hook then stops the server. */
  private static void exitAfter(Duration deadline) {
    Thread timer = new Thread(() -> {
      try {
        Thread.sleep(deadline.toMillis());
        System.err.println("login storm: still running after " + deadline.toSeconds() + " s; giving up");
        System.exit(3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "deadline");
    timer.setDaemon(true);
    timer.start();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
