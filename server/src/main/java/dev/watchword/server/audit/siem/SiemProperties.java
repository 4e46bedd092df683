package dev.watchword.server.audit.siem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the SIEM sinks ({@code watchword.audit.sinks.*}); every sink is off unless enabled.
 *
 * @param pollInterval how long a sink that has caught up waits before looking for new events
 * @param batchSize events per delivery, 1 to 1000
 * @param initialBackoff the first wait after a failed delivery; it doubles per failure, with jitter
 * @param maxBackoff the longest wait between two attempts (a receiver's Retry-After may ask for more)
 */
@ConfigurationProperties("watchword.audit.sinks")
public record SiemProperties(Duration pollInterval, Integer batchSize, Duration initialBackoff, Duration maxBackoff,
    SyslogSettings syslog, WebhookSettings webhook, FileSettings file) {

  private static final String PREFIX = "watchword.audit.sinks.";

  public SiemProperties {
    pollInterval = positive(pollInterval, Duration.ofSeconds(1), "poll-interval");
    batchSize = batchSize == null ? 500 : batchSize;
    initialBackoff = positive(initialBackoff, Duration.ofSeconds(1), "initial-backoff");
    maxBackoff = positive(maxBackoff, Duration.ofMinutes(5), "max-backoff");
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException(PREFIX + "batch-size must be between 1 and 1000");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(PREFIX + "max-backoff must not be shorter than initial-backoff");
    }
    syslog = syslog == null ? new SyslogSettings(false, null, null, null, null, null, null, null) : syslog;
    webhook = webhook == null ? new WebhookSettings(false, null, null, null, null, null) : webhook;
    file = file == null ? new FileSettings(false, null) : file;
  }

  /**
   * RFC 5424 messages over TCP with octet-counting framing (RFC 6587 §3.4.1), over TLS (RFC 5425)
   * unless {@code tls} is false.
   *
   * @param port defaults to 6514 with TLS, 514 without
   * @param sslBundle a Spring SSL bundle ({@code spring.ssl.bundle.*}) whose trust store verifies
   *     the receiver, and whose key store, if any, is the client certificate; {@code null} trusts the
   *     JDK's default CAs. The receiver's name is always verified against its certificate
   * @param facility a facility name ({@code auth}, {@code authpriv}, {@code local0}...) or number; default {@code authpriv}
   * @param hostname the HOSTNAME field; default this machine's name
   * @param timeout for connecting, the TLS handshake and each write
   */
  public record SyslogSettings(boolean enabled, String host, Integer port, Boolean tls, String sslBundle,
      String facility, String hostname, Duration timeout) {

    public SyslogSettings {
      tls = tls == null || tls;
      port = port == null ? (tls ? 6514 : 514) : port;
      facility = facility == null ? "authpriv" : facility;
      timeout = positive(timeout, Duration.ofSeconds(10), "syslog.timeout");
      SyslogFormat.facilityCode(facility);
      if (enabled && (host == null || host.isBlank())) {
        throw new IllegalArgumentException(PREFIX + "syslog.host is required when the syslog sink is enabled");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(PREFIX + "syslog.port must be between 1 and 65535");
      }
      if (hostname != null && !SyslogFormat.isPrintUsAscii(hostname, 255)) {
        throw new IllegalArgumentException(PREFIX + "syslog.hostname must be 1 to 255 printable ASCII characters");
      }
    }
  }

  /**
   * A signed JSON batch POSTed to {@code url}: HTTPS, or plain HTTP to a loopback address only.
   *
   * @param secret the HMAC-SHA256 key of the {@code Watchword-Signature} header, at least 32 bytes;
   *     never logged and left out of {@link #toString()}
   * @param sslBundle a Spring SSL bundle to verify the receiver with; {@code null} trusts the JDK's CAs
   * @param timeout how long one request may take
   */
  public record WebhookSettings(boolean enabled, URI url, String secret, String sslBundle, Duration connectTimeout,
      Duration timeout) {

    public WebhookSettings {
      connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "webhook.connect-timeout");
      timeout = positive(timeout, Duration.ofSeconds(30), "webhook.timeout");
      if (enabled) {
        WebhookSink.checkUrl(url);
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
          throw new IllegalArgumentException(PREFIX + "webhook.secret must be at least 32 bytes");
        }
      }
    }

    @Override
    public String toString() {
      return "WebhookSettings[enabled=" + enabled + ", url=" + (url == null ? null : WebhookSink.origin(url))
          + ", secret=(redacted), sslBundle=" + sslBundle + "]";
    }
  }

  /** One JSON object per line appended to {@code path}, synced to disk after every batch. */
  public record FileSettings(boolean enabled, Path path) {

    public FileSettings {
      if (enabled && path == null) {
        throw new IllegalArgumentException(PREFIX + "file.path is required when the file sink is enabled");
      }
    }
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    Duration result = value == null ? fallback : value;
    if (result.isNegative() || result.isZero()) {
      throw new IllegalArgumentException(PREFIX + name + " must be positive");
    }
    return result;
  }
}
