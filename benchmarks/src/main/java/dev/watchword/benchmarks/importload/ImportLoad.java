package dev.watchword.benchmarks.importload;

import dev.watchword.benchmarks.server.ResourceSampler;
import dev.watchword.benchmarks.server.ServerProcess;
import dev.watchword.benchmarks.server.WatchwordApi;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.binary.Base32;

/**
 * Times an import of N otpauth URIs (default 10,000, the figure) into an empty vault on a
 * real server, end to end over HTTP: parse, duplicate check, seal each seed, store, and one audit
 * event per entry, all in one transaction. Then imports the same text again (all duplicates) and
 * times that too. Prints the figures, with the server's CPU time for each import and how much of it
 * went to the JIT compiler: on a shared two-core machine the wall time moves with other load, the
 * CPU time far less.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.watchword.benchmarks.importload.ImportLoad \
 *   --server-jar server/target/watchword-server-exec.jar [--entries 10000] [--db-url JDBC_URL]
 * </pre>
 */
public final class ImportLoad {

  private static final Base32 BASE32 = new Base32();

  private ImportLoad() {}

  public static void main(String[] args) throws Exception {
    Path serverJar = null;
    int count = 10_000;
    List<String> serverArgs = new ArrayList<>();
    // the URL may carry a password: it goes to the server's environment, and is never printed
    java.util.Map<String, String> environment = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--server-jar" -> serverJar = Path.of(args[i + 1]);
        case "--entries" -> count = Integer.parseInt(args[i + 1]);
        case "--db-url" -> environment.put("WATCHWORD_DB_URL", args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (serverJar == null) {
      throw new IllegalArgumentException("--server-jar is required");
    }
    String text = uris(count);
    System.out.printf("Import load: %d otpauth URIs (%d KiB), %d processors, JDK %s, server %s, load average %s%n",
        count, text.length() / 1024, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        environment.isEmpty() ? "SQLite (default)" : "PostgreSQL", ResourceSampler.loadAverage());
    // a fixed set of compiler threads, so that their CPU time can be read (ResourceSampler.compilerCpuNanos)
    List<String> jvmArgs = List.of("-Xmx1g", "-XX:-UseDynamicNumberOfCompilerThreads");
    try (ServerProcess server = ServerProcess.start(serverJar, jvmArgs, serverArgs, environment,
        Duration.ofSeconds(120))) {
      WatchwordApi api = new WatchwordApi(HttpClient.newHttpClient(), server.baseUri(), server.devToken());
      String body = "{\"text\":\"" + text.replace("\n", "\\n") + "\"}";
      // a small import first, so class loading and JIT warm-up are not billed to the measured one
      String warm = api.create("/api/v1/vaults", "{\"name\":\"Warm-up\"}");
      api.post("/api/v1/vaults/" + warm + "/import", "{\"text\":\"" + uris(200).replace("\n", "\\n") + "\"}");
      String vault = api.create("/api/v1/vaults", "{\"name\":\"Import load\"}");
      for (String round : List.of("first import", "same file again (all duplicates)")) {
        long cpuBefore = cpuNanos(server);
        long jitBefore = ResourceSampler.compilerCpuNanos(server.pid());
        long start = System.nanoTime();
        HttpResponse<String> response = api.post("/api/v1/vaults/" + vault + "/import", body);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos(server) - cpuBefore) / 1e9;
        double jit = (ResourceSampler.compilerCpuNanos(server.pid()) - jitBefore) / 1e9;
        String summary = response.body().replaceAll("(?s),\"entries\".*", "}");
        System.out.printf("%s: HTTP %d in %.2f s (%.0f entries/s), server CPU %.2f s (JIT compiler %.2f s): %s%n",
            round, response.statusCode(), seconds, count / seconds, cpu, jit, summary);
      }
    }
    System.exit(0);
  }

  /** The server process's CPU time so far, all threads, or -1 where it cannot be read. */
  private static long cpuNanos(ServerProcess server) {
    return server.handle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  /** N distinct TOTP URIs with random 160-bit secrets, one a line. */
  private static String uris(int count) {
    SecureRandom random = new SecureRandom();
    StringBuilder text = new StringBuilder(count * 110);
    for (int i = 0; i < count; i++) {
      byte[] secret = new byte[20];
      random.nextBytes(secret);
      text.append("otpauth://totp/Client").append(i % 50).append(":admin").append(i)
          .append("?secret=").append(BASE32.encodeToString(secret)).append("&issuer=Client").append(i % 50).append('\n');
    }
    return text.toString();
  }
}
