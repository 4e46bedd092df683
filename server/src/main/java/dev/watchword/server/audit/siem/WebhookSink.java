package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditRecord;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * POSTs each batch as {@code {"events":[...]}} to the receiver, signed (see {@link WebhookSignature}).
 *
 * <p>Guarantees: a batch counts as delivered only on a 2xx answer. Connection failures, timeouts,
 * 408, 429 and 5xx are transient (retried, honouring {@code Retry-After}); any other answer,
 * redirects included (never followed, so a signed body never goes elsewhere), is permanent and
 * halts the sink with its events kept. Neither the secret nor the URL's path and query are logged
 * or put in an error.
 */
final class WebhookSink implements AuditSink {

  /** Longest {@code Retry-After} obeyed, so a confused receiver cannot park the sink for days. */
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  private final URI url;
  private final WebhookSignature signature;
  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;

  WebhookSink(URI url, WebhookSignature signature, HttpClient client, Duration timeout, Clock clock) {
    this.url = checkUrl(url);
    this.signature = signature;
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void deliver(List<AuditRecord> batch) {
    byte[] body = EventJson.batch(batch);
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Watchword-Audit/1")
        .header(WebhookSignature.HEADER, signature.header(clock.instant().getEpochSecond(), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      response.body().close(); // the answer's body is not read: closing it ends the exchange
    } catch (IOException e) {
      throw DeliveryException.transientFailure("webhook " + origin(url) + ": " + DeliveryException.describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.transientFailure("webhook " + origin(url) + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String failure = "webhook " + origin(url) + " answered " + status;
    if (status == 408 || status == 429 || status >= 500) {
      Optional<Duration> wait = response.headers().firstValue("Retry-After")
          .flatMap(value -> retryAfter(value, clock.instant()));
      throw wait.map(w -> DeliveryException.retryLater(failure, w))
          .orElseGet(() -> DeliveryException.transientFailure(failure, null));
    }
    throw DeliveryException.permanentFailure(failure + "; halted until the receiver or the configuration is fixed"
        + " and the server restarted");
  }

  /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date; capped at {@link #MAX_RETRY_AFTER}. */
  static Optional<Duration> retryAfter(String value, Instant now) {
    String text = value.trim();
    Duration wait;
    try {
      wait = text.chars().allMatch(Character::isDigit) && !text.isEmpty() && text.length() < 10
          ? Duration.ofSeconds(Long.parseLong(text))
          : Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
  }

  /** HTTPS anywhere; plain HTTP to a loopback address only; no credentials in the URL. */
  static URI checkUrl(URI url) {
    String prefix = "watchword.audit.sinks.webhook.url ";
    if (url == null || url.getHost() == null) {
      throw new IllegalArgumentException(prefix + "must be an absolute https URL");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(prefix + "must not carry credentials; the signature authenticates us");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(url.getHost()))) {
      throw new IllegalArgumentException(prefix + "must use https (http is allowed to a loopback address only)");
    }
    return url;
  }

  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    // only literal addresses are checked: a name is not resolved, so DNS cannot make it "loopback"
    if (!bare.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** {@code scheme://host:port}, the part of the URL that is safe to log. */
  static String origin(URI url) {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  @Override
  public void close() {
    // HttpClient has no close() before Java 21; its threads end with it when unreferenced
  }
}
