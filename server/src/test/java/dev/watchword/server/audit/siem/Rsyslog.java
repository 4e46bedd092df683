package dev.watchword.server.audit.siem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's rsyslogd as a real RFC 5424 receiver, run in the foreground by the tests with a generated
 * configuration: {@code imtcp} on a plain port and, through the {@code gtls} driver
 * (rsyslog-gnutls), on a TLS port, both writing to one file through a template that keeps what
 * rsyslog parsed: PRI, TIMESTAMP, HOSTNAME, APP-NAME, PROCID, MSGID, STRUCTURED-DATA and MSG,
 * tab-separated. One instance serves every test class of the JVM.
 *
 * <p>Where rsyslogd is not installed the syslog tests are skipped, except under {@code CI=true},
 * where they fail: CI installs {@code rsyslog rsyslog-gnutls}.
 */
final class Rsyslog {

  private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/rsyslogd"), Path.of("/sbin/rsyslogd"));
  private static final List<Path> MODULE_DIRECTORIES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/rsyslog"),
      Path.of("/usr/lib/aarch64-linux-gnu/rsyslog"), Path.of("/usr/lib/rsyslog"), Path.of("/usr/lib64/rsyslog"));
  private static Rsyslog shared;
  private static String unavailable;

  private final Path binary;
  private final Path directory;
  private final Path config;
  private final Path output;
  private final int plainPort;
  private final int tlsPort;
  private final TestCertificates certificates;
  private Process process;

  /** One line of rsyslog's output: the fields as rsyslog's RFC 5424 parser saw them. */
  record Line(String pri, String timestamp, String hostname, String appName, String procId, String msgId,
      String structuredData, String msg) {

    /** The SYSLOG-MSG these fields came from. */
    String message() {
      return "<" + pri + ">1 " + timestamp + " " + hostname + " " + appName + " " + procId + " " + msgId + " "
          + structuredData + " " + msg;
    }
  }

  private Rsyslog(Path binary, Path directory) throws IOException {
    this.binary = binary;
    this.directory = directory;
    this.config = directory.resolve("rsyslog.conf");
    this.output = directory.resolve("received.log");
    this.plainPort = freePort();
    this.tlsPort = freePort();
    this.certificates = TestCertificates.create(directory, "ip:127.0.0.1,dns:localhost");
    Files.writeString(config, config());
  }

  /** The JVM's rsyslogd, started on first use; skips (or fails under CI=true) where it cannot run. */
  static synchronized Rsyslog shared() {
    if (shared == null && unavailable == null) {
      try {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst()
            .orElseThrow(() -> new IllegalStateException("rsyslogd is not installed (apt-get install rsyslog)"));
        if (!gtlsInstalled()) {
          throw new IllegalStateException("rsyslog's gtls driver is not installed (apt-get install rsyslog-gnutls)");
        }
        Rsyslog rsyslog = new Rsyslog(binary, Files.createTempDirectory("watchword-rsyslog-"));
        rsyslog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(rsyslog::stop));
        shared = rsyslog;
      } catch (IOException | RuntimeException e) {
        unavailable = e.getMessage();
      }
    }
    if (shared == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("rsyslogd is required under CI=true: " + unavailable);
      }
      Assumptions.abort("rsyslogd cannot run here: " + unavailable);
    }
    return shared;
  }

  /** Like {@link #shared()} but empty instead of skipping, for wiring a context before any test runs. */
  static Optional<Rsyslog> sharedIfAvailable() {
    try {
      return Optional.of(shared());
    } catch (RuntimeException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private static boolean gtlsInstalled() {
    return MODULE_DIRECTORIES.stream().anyMatch(dir -> Files.exists(dir.resolve("lmnsd_gtls.so")));
  }

  int plainPort() {
    return plainPort;
  }

  int tlsPort() {
    return tlsPort;
  }

  /** The receiver's certificate, which the client trusts. */
  Path certificate() {
    return certificates.certificate();
  }

  /** Starts rsyslogd unless it runs already, and waits until both ports listen. */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      process = new ProcessBuilder(binary.toString(), "-n", "-f", config.toString(), "-i",
          directory.resolve("rsyslogd.pid").toString())
          .redirectErrorStream(true).redirectOutput(directory.resolve("rsyslogd.out").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!(listening(plainPort) && listening(tlsPort))) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("rsyslogd did not start: "
              + Files.readString(directory.resolve("rsyslogd.out")));
        }
        Thread.sleep(50);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM, as a receiver's restart: rsyslogd closes its connections and exits. */
  synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Every message rsyslog wrote, in the order it received them. */
  List<Line> lines() {
    try {
      if (!Files.exists(output)) {
        return List.of();
      }
      List<Line> lines = new ArrayList<>();
      try (Stream<String> text = Files.lines(output, StandardCharsets.UTF_8)) {
        text.map(line -> line.split("\t", 8)).filter(f -> f.length == 8)
            .forEach(f -> lines.add(new Line(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])));
      }
      return lines;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String config() {
    String certificate = certificates.certificate().toString();
    return """
        global(workDirectory="%1$s" maxMessageSize="64k")
        module(load="imtcp")
        input(type="imtcp" address="127.0.0.1" port="%2$d" ruleset="received")
        input(type="imtcp" address="127.0.0.1" port="%3$d" ruleset="received"
              streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon"
              streamDriver.CAFile="%4$s" streamDriver.CertFile="%4$s" streamDriver.KeyFile="%5$s")
        template(name="fields" type="list") {
          property(name="pri") constant(value="\\t")
          property(name="timereported" dateFormat="rfc3339") constant(value="\\t")
          property(name="hostname") constant(value="\\t")
          property(name="app-name") constant(value="\\t")
          property(name="procid") constant(value="\\t")
          property(name="msgid") constant(value="\\t")
          property(name="structured-data") constant(value="\\t")
          property(name="msg") constant(value="\\n")
        }
        ruleset(name="received") { action(type="omfile" file="%6$s" template="fields") }
        """.formatted(directory, plainPort, tlsPort, certificate, certificates.privateKey(), output);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
