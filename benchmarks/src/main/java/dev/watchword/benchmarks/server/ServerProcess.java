package dev.watchword.benchmarks.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A Watchword server in a child JVM, in development mode, on a free loopback port, with a fresh
 * temporary data directory.
 *
 * <p>Guarantees: {@link #close()} ends the child (SIGTERM, then SIGKILL after 15 s) and deletes
 * the data directory, and may be called any number of times, also from a shutdown hook. Should
 * the driver itself be killed with SIGKILL, a watchdog shell started with the server kills the
 * server and deletes the directory within about a second. The dev token is kept in memory only
 * and never printed.
 */
public final class ServerProcess implements AutoCloseable {

  private static final String READY = "Watchword listening on ";
  private static final String DEV_TOKEN = "dev token: ";
  private static final int KEPT_LINES = 40;
  private static final String WATCHDOG = """
      while kill -0 "$1" 2>/dev/null; do sleep 1; done
      kill -9 "$2" 2>/dev/null; sleep 1; rm -rf -- "$3"
      """;

  private final Path root;
  private final Process process;
  private final Process watchdog;
  private final URI baseUri;
  private final CompletableFuture<String> devToken = new CompletableFuture<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Deque<String> lastLines = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ServerProcess(Path root, Process process, Process watchdog, URI baseUri) {
    this.root = root;
    this.process = process;
    this.watchdog = watchdog;
    this.baseUri = baseUri;
  }

  /** Starts the server and waits until it announces that it listens. */
  public static ServerProcess start(Path serverJar, List<String> jvmArgs, List<String> serverArgs, Duration startTimeout)
      throws IOException, InterruptedException {
    return start(serverJar, jvmArgs, serverArgs, java.util.Map.of(), startTimeout);
  }

  /**
   * Starts the server with extra environment variables, e.g. {@code WATCHWORD_DB_URL}: a database
   * URL with a password stays out of the process list and out of the printed arguments.
   */
  public static ServerProcess start(Path serverJar, List<String> jvmArgs, List<String> serverArgs,
      java.util.Map<String, String> environment, Duration startTimeout) throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("watchword-storm-");
    int port = freeLoopbackPort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", serverJar.toAbsolutePath().toString(),
        "--watchword.port=" + port, "--watchword.address=127.0.0.1",
        "--watchword.data-dir=" + root.resolve("data"), "--watchword.dev=true"));
    command.addAll(serverArgs);
    Process process = null;
    Process watchdog = null;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(environment);
      process = builder.start();
      watchdog = new ProcessBuilder("sh", "-c", WATCHDOG, "watchdog",
          Long.toString(ProcessHandle.current().pid()), Long.toString(process.pid()), root.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException | RuntimeException e) {
      if (process != null) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      deleteRecursively(root);
      throw e;
    }
    ServerProcess server = new ServerProcess(root, process, watchdog, URI.create("http://127.0.0.1:" + port));
    try {
      server.readOutput();
      server.awaitReady(startTimeout);
      return server;
    } catch (InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public URI baseUri() {
    return baseUri;
  }

  public long pid() {
    return process.pid();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** The owner token printed by development mode. */
  public String devToken() {
    return devToken.getNow(null);
  }

  /** The server's last lines of output, tokens masked, for a failure message. */
  public String lastLines() {
    synchronized (lastLines) {
      return String.join(System.lineSeparator(), lastLines);
    }
  }

  private void readOutput() {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          if (line.startsWith(DEV_TOKEN)) {
            devToken.complete(line.substring(DEV_TOKEN.length()).trim());
          } else if (line.startsWith(READY)) {
            ready.complete(null);
          }
          keep(line.replaceAll("ww_\\S+", "ww_…"));
        }
      } catch (IOException e) {
        // The stream closes when the server exits; nothing more to read.
      }
      ready.completeExceptionally(new IllegalStateException("the server exited before it was ready"));
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
  }

  private void keep(String line) {
    synchronized (lastLines) {
      if (lastLines.size() == KEPT_LINES) {
        lastLines.removeFirst();
      }
      lastLines.addLast(line);
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (devToken() == null) {
        throw new IllegalStateException("the server printed no dev token");
      }
    } catch (ExecutionException | TimeoutException | IllegalStateException e) {
      String why = e instanceof TimeoutException ? "did not start within " + timeout.toSeconds() + " s"
          : e instanceof ExecutionException ? e.getCause().getMessage() : e.getMessage();
      throw new IllegalStateException("server " + why + "; its last output:" + System.lineSeparator() + lastLines());
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL) and deletes its data directory. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      watchdog.destroyForcibly();
      deleteRecursively(root);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
