package dev.watchword.server.support.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak, the OpenID provider that single sign-on is tested against: started once per
 * test JVM ({@link #shared()}) from the distribution the build unpacks, with the realm
 * {@code watchword} imported from {@code src/test/resources/keycloak/watchword-realm.json}.
 *
 * <p>Guarantees: it listens on 127.0.0.1 only, on ports free when it starts; its database is in
 * memory, so each start begins from the realm file alone; {@link #close()} stops it and every
 * process it started, and so does the JVM's exit, even a killed JVM's (a watchdog ends Keycloak
 * when its standard input, a pipe from this JVM, closes). Its output goes to
 * {@code target/keycloak.log}.
 *
 * <p>The realm's client {@code watchword} is confidential ({@code client_secret_basic}), allows
 * only the authorization code flow, requires PKCE S256, and accepts any redirect URI on
 * {@code http://127.0.0.1} or {@code http://localhost}, whatever the port (RFC 8252 §7.3). An ID
 * token for alice carries {@code iss}, {@code sub} (a UUID), {@code aud} and {@code azp}
 * ({@code watchword}), {@code nonce}, {@code auth_time}, {@code sid}, {@code at_hash},
 * {@code preferred_username}, {@code name}, {@code given_name}, {@code family_name},
 * {@code email}, {@code email_verified}, {@code acr} ({@code "1"} after a password sign-in,
 * {@code "0"} when an existing Keycloak session was reused) and {@code amr} ({@code ["pwd"]}: the
 * realm's browser flow tags its password step so).
 *
 * <p>Without the distribution (a build with {@code -Dkeycloak.skip=true}) or a Java 21+ runtime
 * for it, {@link #shared()} skips the calling test, and under {@code CI=true} fails it instead.
 * Once the distribution is there, a Keycloak that does not start always fails.
 */
public final class KeycloakTestServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final String ADMIN_USERNAME = "admin";
  private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

  /**
   * Runs {@code sh kc.sh ...} (the arguments) and stops it with SIGTERM when this shell is told to
   * stop or when its standard input reaches end of file, which happens when the JVM that started
   * it exits for any reason. Keycloak's own kc.sh forwards SIGTERM to its Java process.
   */
  private static final String WATCHDOG = """
      exec 3<&0
      /bin/sh "$@" </dev/null &
      server=$!
      stop() { kill -TERM "$server" 2>/dev/null; }
      trap stop TERM INT HUP
      { cat <&3 >/dev/null; stop; } &
      while kill -0 "$server" 2>/dev/null; do wait "$server"; status=$?; done
      exit "${status:-0}"
      """;

  private static KeycloakTestServer shared;
  private static RuntimeException sharedFailure;

  private final Process process;
  private final URI baseUri;
  private final WatchwordRealm realm;
  private final String adminPassword;
  private final Path log;
  private final Duration startupTime;
  private boolean closed;

  private KeycloakTestServer(Process process, URI baseUri, WatchwordRealm realm, String adminPassword, Path log,
      Duration startupTime) {
    this.process = process;
    this.baseUri = baseUri;
    this.realm = realm;
    this.adminPassword = adminPassword;
    this.log = log;
    this.startupTime = startupTime;
  }

  /**
   * The Keycloak shared by every test in this JVM, started on first use and stopped at JVM exit.
   * A failed start is remembered, so later callers fail (or skip) at once with the same reason.
   */
  public static synchronized KeycloakTestServer shared() {
    if (sharedFailure != null) {
      throw sharedFailure;
    }
    if (shared == null) {
      try {
        shared = start(KeycloakDistribution.locate(), WatchwordRealm.load(), Path.of(moduleDirectory(), "target",
            "keycloak.log"));
      } catch (RuntimeException e) {
        sharedFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "keycloak-test-server-stop"));
    }
    return shared;
  }

  /** Starts Keycloak and returns once the realm's discovery document answers. */
  static KeycloakTestServer start(KeycloakDistribution distribution, WatchwordRealm realm, Path log) {
    int httpPort = freePort();
    int managementPort = freePort();
    URI baseUri = URI.create("http://127.0.0.1:" + httpPort);
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String adminPassword = HexFormat.of().formatHex(secret);
    realm.copyInto(distribution.home().resolve("data").resolve("import"));

    List<String> command = List.of("/bin/sh", "-c", WATCHDOG, "keycloak-watchdog",
        distribution.launcher().toString(), "start-dev",
        "--http-host=127.0.0.1",
        "--http-port=" + httpPort,
        "--http-management-port=" + managementPort,
        "--db=dev-mem",
        "--cache=local",
        "--health-enabled=true",
        "--import-realm",
        "--log-console-color=false");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(distribution.home().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    // Only what is set here configures Keycloak: no KC_* or JAVA_OPTS* from the developer's shell.
    environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
        || name.startsWith("QUARKUS_") || name.startsWith("JAVA_") || name.equals("JAVA") || name.equals("DEBUG"));
    environment.put("JAVA_HOME", distribution.javaHome().toString());
    environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
    environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    // Keycloak runs for minutes at most here: compiling only with C1 starts it faster on 2 cores.
    environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");

    long started = System.nanoTime();
    Process process;
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + distribution.launcher(), e);
    }
    try {
      awaitDiscovery(process, URI.create(baseUri + "/realms/" + realm.name() + DISCOVERY_PATH), log);
    } catch (RuntimeException e) {
      stop(process);
      throw e;
    }
    Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("Keycloak %s ready at %s in %.1f s (log: %s)%n", distribution.version(), baseUri,
        startupTime.toMillis() / 1000.0, log);
    return new KeycloakTestServer(process, baseUri, realm, adminPassword, log, startupTime);
  }

  /** The realm's issuer identifier, {@code http://127.0.0.1:<port>/realms/watchword}. */
  public URI issuerUri() {
    return URI.create(baseUri + "/realms/" + realm.name());
  }

  /** OpenID Connect Discovery 1.0 §4: the provider configuration document. */
  public URI discoveryUri() {
    return URI.create(issuerUri() + DISCOVERY_PATH);
  }

  public URI baseUri() {
    return baseUri;
  }

  /** The confidential client registered for Watchword: authorization code flow, PKCE S256 required. */
  public String clientId() {
    return realm.clientId();
  }

  public String clientSecret() {
    return realm.clientSecret();
  }

  /** The realm's user alice: verified e-mail, names set, a password and no other credential. */
  public KeycloakUser alice() {
    return realm.user("alice");
  }

  /** The bootstrap administrator of the master realm, for tests that drive the admin REST API. */
  public String adminUsername() {
    return ADMIN_USERNAME;
  }

  public String adminPassword() {
    return adminPassword;
  }

  public Duration startupTime() {
    return startupTime;
  }

  public Path log() {
    return log;
  }

  /** Stops Keycloak gracefully (SIGTERM), and forcibly whatever still runs after 30 seconds. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop(process);
  }

  private static void stop(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    try {
      process.getOutputStream().close(); // the watchdog's cue
    } catch (IOException ignored) {
      // already closed: the watchdog has had its cue
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        System.err.println("Keycloak did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static void awaitDiscovery(Process process, URI discovery, Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
            + " before it was ready; the end of " + log + ":\n" + tail(log));
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep polling until the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Keycloak did not answer " + discovery + " within "
            + START_TIMEOUT.toSeconds() + " s; the end of " + log + ":\n" + tail(log));
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String moduleDirectory() {
    return System.getProperty("basedir", System.getProperty("user.dir"));
  }
}
