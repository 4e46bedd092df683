package dev.watchword.benchmarks.loginstorm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The command line of {@link LoginStorm}. Every quantity is bounded, so that a typing mistake
 * cannot start an unbounded storm; the server always listens on loopback only.
 */
record StormOptions(
    Path serverJar,
    int clients,
    Duration measurement,
    Duration warmup,
    int users,
    AttemptMix mix,
    boolean spreadAddresses,
    long maxRequests,
    Duration requestTimeout,
    OptionalDouble rawRate,
    List<String> serverJvmArgs,
    List<String> serverArgs) {

  static final String USAGE = """
      Usage: java -cp benchmarks.jar dev.watchword.benchmarks.loginstorm.LoginStorm \\
               --server-jar server/target/watchword-server-exec.jar [options]

        --clients N            concurrent clients, each one request at a time (1..1024; 32)
        --seconds N            measured seconds (1..600; 30)
        --warmup N             seconds run first and not counted (0..120; 5)
        --users N              accounts created before the storm (1..1000; 50)
        --mix C:W:U            weights of correct passwords, wrong passwords and unknown
                               users (100:0:0). All traffic comes from 127.0.0.1, which the
                               server blocks after 100 failures unless --spread-addresses.
        --spread-addresses     start the server with server.forward-headers-strategy=native
                               and send each request with a random X-Forwarded-For address
                               in 198.18.0.0/15, as if through a trusted proxy
        --max-requests N       stop after this many requests, warm-up included (1000000)
        --request-timeout N    seconds before a request counts as a timeout (1..120; 30)
        --raw-rate R           raw Argon2id hashes/s on this machine (Argon2idBenchmark),
                               to compare the server's verification rate with
        --server-jvm-arg ARG   JVM option for the server, repeatable (after -Xmx512m)
        --server-arg ARG       server argument, repeatable, for example
                               --server-arg --watchword.password.max-concurrent-hashes=1
      """;

  private static final String DEFAULT_HEAP = "-Xmx512m";

  static StormOptions parse(String[] args) {
    Path serverJar = null;
    int clients = 32;
    int seconds = 30;
    int warmup = 5;
    int users = 50;
    AttemptMix mix = new AttemptMix(100, 0, 0);
    boolean spread = false;
    long maxRequests = 1_000_000;
    int timeout = 30;
    OptionalDouble rawRate = OptionalDouble.empty();
    List<String> jvmArgs = new ArrayList<>(List.of(DEFAULT_HEAP));
    List<String> serverArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int equals = name.indexOf('=');
      if (equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (name.equals("--spread-addresses")) {
        spread = true;
        continue;
      }
      if (name.equals("--help") || name.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--server-jar" -> serverJar = Path.of(value);
        case "--clients" -> clients = bounded(name, value, 1, 1024);
        case "--seconds" -> seconds = bounded(name, value, 1, 600);
        case "--warmup" -> warmup = bounded(name, value, 0, 120);
        case "--users" -> users = bounded(name, value, 1, 1000);
        case "--mix" -> mix = AttemptMix.parse(value);
        case "--max-requests" -> maxRequests = bounded(name, value, 1, 100_000_000);
        case "--request-timeout" -> timeout = bounded(name, value, 1, 120);
        case "--raw-rate" -> rawRate = OptionalDouble.of(positive(name, value));
        case "--server-jvm-arg" -> jvmArgs.add(loopbackSafe(value));
        case "--server-arg" -> serverArgs.add(loopbackSafe(value));
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (serverJar == null) {
      throw new IllegalArgumentException("--server-jar is required");
    }
    if (!Files.isRegularFile(serverJar)) {
      throw new IllegalArgumentException("no server jar at " + serverJar + "; build the server first");
    }
    if (spread) {
      serverArgs.add("--server.forward-headers-strategy=native");
    }
    return new StormOptions(serverJar, clients, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), users,
        mix, spread, maxRequests, Duration.ofSeconds(timeout), rawRate, List.copyOf(jvmArgs),
        List.copyOf(serverArgs));
  }

  /**
   * Refuses arguments that would move the server off loopback or onto another data store: the
   * driver owns the address, the port and the throwaway data directory.
   */
  private static String loopbackSafe(String arg) {
    String lower = arg.toLowerCase(Locale.ROOT).replace('_', '-');
    boolean owned = lower.startsWith("--port") || lower.startsWith("--address")
        || List.of("server.address", "server.port", "watchword.address", "watchword.port", "data-dir", "db-url",
            "spring.datasource").stream().anyMatch(lower::contains);
    if (owned) {
      throw new IllegalArgumentException("the driver sets the server's address, port and data itself: " + arg);
    }
    return arg;
  }

  private static int bounded(String name, String value, int min, int max) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, not " + value);
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
    }
    return number;
  }

  private static double positive(String name, String value) {
    try {
      double number = Double.parseDouble(value);
      if (number > 0 && Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal
    }
    throw new IllegalArgumentException(name + " needs a positive number, not " + value);
  }
}
