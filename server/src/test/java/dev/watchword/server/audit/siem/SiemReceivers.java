package dev.watchword.server.audit.siem;

import dev.watchword.server.support.TemporaryDirectories;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The receivers one test class's server delivers to, on loopback: rsyslogd over TLS (shared by the
 * JVM; this server's messages carry {@code hostname}), a webhook receiver and a file of its own.
 * Delivery is tuned to test speed: 100 ms polls, backoff from 50 to 400 ms, batches of 7.
 */
final class SiemReceivers {

  final String hostname;
  final WebhookReceiver webhook;
  final Path file;
  final Optional<Rsyslog> rsyslog;

  private SiemReceivers(String hostname) {
    this.hostname = hostname;
    this.webhook = WebhookReceiver.start();
    this.file = TemporaryDirectories.create("watchword-siem-").resolve("audit.jsonl");
    this.rsyslog = Rsyslog.sharedIfAvailable();
  }

  static SiemReceivers start(String hostname) {
    return new SiemReceivers(hostname);
  }

  void register(DynamicPropertyRegistry registry) {
    String sinks = "watchword.audit.sinks.";
    registry.add(sinks + "poll-interval", () -> "100ms");
    registry.add(sinks + "initial-backoff", () -> "50ms");
    registry.add(sinks + "max-backoff", () -> "400ms");
    registry.add(sinks + "batch-size", () -> "7");
    registry.add(sinks + "webhook.enabled", () -> "true");
    registry.add(sinks + "webhook.url", () -> webhook.url().toString());
    registry.add(sinks + "webhook.secret", () -> WebhookReceiver.SECRET);
    registry.add(sinks + "file.enabled", () -> "true");
    registry.add(sinks + "file.path", file::toString);
    rsyslog.ifPresent(receiver -> {
      registry.add(sinks + "syslog.enabled", () -> "true");
      registry.add(sinks + "syslog.host", () -> "127.0.0.1");
      registry.add(sinks + "syslog.port", receiver::tlsPort);
      registry.add(sinks + "syslog.ssl-bundle", () -> "siem-test");
      registry.add(sinks + "syslog.hostname", () -> hostname);
      registry.add(sinks + "syslog.timeout", () -> "2s");
      registry.add("spring.ssl.bundle.pem.siem-test.truststore.certificate", () -> "file:" + receiver.certificate());
    });
  }
}
