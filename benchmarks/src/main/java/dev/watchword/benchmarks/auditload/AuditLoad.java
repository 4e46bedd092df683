package dev.watchword.benchmarks.auditload;

import dev.watchword.benchmarks.server.KeepAliveConnection;
import dev.watchword.benchmarks.server.ResourceSampler;
import dev.watchword.benchmarks.server.ServerProcess;
import dev.watchword.benchmarks.server.WatchwordApi;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures durable code releases per second: starts a server (SQLite, or PostgreSQL with {@code
 * --db-url}), creates a vault with a few TOTP entries, and has N clients release codes over HTTP
 * for a fixed time. Each release commits its audit event (chained, possibly checkpointed) before
 * the response, so releases/s is durable audit writes/s. Ends by verifying the whole chain.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.watchword.benchmarks.auditload.AuditLoad \
 *   --server-jar server/target/watchword-server-exec.jar [--clients 16] [--seconds 20] [--warmup 5]
 *   [--db-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres&amp;currentSchema=bench]
 *   [--client keep-alive|jdk]
 * </pre>
 *
 * The clients are, by default, bare keep-alive sockets ({@link KeepAliveConnection}), so that the
 * load they put on the shared cores stays small; {@code --client jdk} uses {@code java.net.http}.
 */
public final class AuditLoad {

  private AuditLoad() {}

  public static void main(String[] args) throws Exception {
    Path serverJar = null;
    int clients = 16;
    int seconds = 20;
    int warmup = 5;
    List<String> serverArgs = new ArrayList<>();
    // the URL may carry a password: it goes to the server's environment, and is never printed
    java.util.Map<String, String> environment = new java.util.HashMap<>();
    // Compiler threads that come and go would take their CPU time out of the JIT figure.
    List<String> jvmArgs = new ArrayList<>(List.of("-Xmx1g", "-XX:-UseDynamicNumberOfCompilerThreads"));
    boolean keepAlive = true;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--server-jar" -> serverJar = Path.of(args[i + 1]);
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--db-url" -> environment.put("WATCHWORD_DB_URL", args[i + 1]);
        case "--server-arg" -> serverArgs.add(args[i + 1]);
        case "--server-jvm-arg" -> jvmArgs.add(args[i + 1]);
        case "--client" -> keepAlive = switch (args[i + 1]) {
          case "keep-alive" -> true;
          case "jdk" -> false;
          default -> throw new IllegalArgumentException("--client is keep-alive or jdk");
        };
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (serverJar == null) {
      throw new IllegalArgumentException("--server-jar is required");
    }
    System.out.printf("Audit load: %d clients (%s), %d s warm-up, %d s measured, %d processors, JDK %s, server %s,"
            + " load average %s%n",
        clients, keepAlive ? "keep-alive sockets" : "java.net.http", warmup, seconds,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        environment.isEmpty() ? "SQLite (default)" : "PostgreSQL", ResourceSampler.loadAverage());
    try (ServerProcess server = ServerProcess.start(serverJar, jvmArgs, serverArgs, environment,
        Duration.ofSeconds(120));
        ResourceSampler sampler = new ResourceSampler(server.handle())) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      WatchwordApi api = new WatchwordApi(http, server.baseUri(), server.devToken());
      String vault = api.create("/api/v1/vaults", "{\"name\":\"Load\"}");
      List<String> codePaths = new ArrayList<>();
      for (int e = 0; e < 8; e++) {
        String entry = api.create("/api/v1/vaults/" + vault + "/entries",
            "{\"issuer\":\"Load\",\"account\":\"a" + e + "\",\"secret\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3P" + (char) ('A' + e)
                + "A\"}");
        codePaths.add("/api/v1/vaults/" + vault + "/entries/" + entry + "/code");
      }
      run(api, keepAlive, codePaths, clients, Duration.ofSeconds(warmup));
      long jitBefore = ResourceSampler.compilerCpuNanos(server.pid());
      Result result = run(api, keepAlive, codePaths, clients, Duration.ofSeconds(seconds));
      long jit = ResourceSampler.compilerCpuNanos(server.pid()) - jitBefore;
      System.out.printf("Releases: %d in %.1f s = %.0f releases/s (each with a durable, chained audit event)%n",
          result.ok, result.seconds, result.ok / result.seconds);
      System.out.printf("Latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f; failures %d%n",
          result.percentile(50), result.percentile(90), result.percentile(99), result.percentile(100),
          result.failed);
      printCpu(sampler.window(result.startNanos, result.endNanos), result.ok / result.seconds,
          jitBefore < 0 ? Double.NaN : jit / 1e9 / result.seconds);
      long verifyStart = System.nanoTime();
      String verification = api.get("/api/v1/audit/verify");
      System.out.printf("Verification (%.1f s): %s%n", (System.nanoTime() - verifyStart) / 1e9, verification);
    }
    System.exit(0);
  }

  private static Result run(WatchwordApi api, boolean keepAlive, List<String> codePaths, int clients,
      Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      String path = codePaths.get(c % codePaths.size());
      futures.add(pool.submit(() -> {
        long[] latencies = new long[1 << 20];
        int n = 0;
        int failed = 0;
        try (KeepAliveConnection connection = new KeepAliveConnection(api.base(), api.token(), path, "{}")) {
          while (!stop.get() && n < latencies.length) {
            long t0 = System.nanoTime();
            if ((keepAlive ? connection.post() : api.postStatus(path, "{}")) == 200) {
              latencies[n++] = System.nanoTime() - t0;
            } else {
              failed++;
            }
          }
        }
        long[] mine = Arrays.copyOf(latencies, n + 1);
        mine[n] = -failed;
        return mine;
      }));
    }
    Thread.sleep(duration.toMillis());
    stop.set(true);
    long end = System.nanoTime();
    double seconds = (end - start) / 1e9;
    List<Long> all = new ArrayList<>();
    long failed = 0;
    for (Future<long[]> future : futures) {
      long[] mine = future.get();
      failed += -mine[mine.length - 1];
      for (int i = 0; i < mine.length - 1; i++) {
        all.add(mine[i]);
      }
    }
    pool.shutdown();
    return new Result(all.stream().mapToLong(Long::longValue).sorted().toArray(), all.size(), failed, seconds, start,
        end);
  }

  /**
   * CPU per release is the figure to compare between versions: on a shared two-core machine it moves
   * far less with other load than releases per second do.
   */
  private static void printCpu(ResourceSampler.Window window, double releasesPerSecond, double jitCores) {
    if (window.serverCores().isEmpty() || window.driverCores().isEmpty()) {
      System.out.println("CPU: not readable on this system");
      return;
    }
    double server = window.serverCores().getAsDouble();
    double driver = window.driverCores().getAsDouble();
    System.out.printf("CPU (processors busy): server %.2f, driver %.2f, other processes %s;"
            + " per release: server %.3f ms (%.3f ms without its JIT compiler threads), driver %.3f ms%n",
        server, driver, window.otherCores().isPresent() ? String.format("%.2f", window.otherCores().getAsDouble()) : "?",
        server / releasesPerSecond * 1e3, (server - jitCores) / releasesPerSecond * 1e3,
        driver / releasesPerSecond * 1e3);
  }

  private record Result(long[] sortedNanos, long ok, long failed, double seconds, long startNanos, long endNanos) {
    double percentile(int p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
      return sortedNanos[Math.max(0, index)] / 1e6;
    }
  }
}
