package dev.watchword.server.audit.siem;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on loopback, as a SIEM would run one: it verifies the signature (HMAC over
 * {@code t.body}, constant-time compare, at most five minutes old) and records the events it
 * accepted in arrival order. Tests can make it answer an error for a while.
 */
final class WebhookReceiver implements AutoCloseable {

  static final String SECRET = "test-webhook-secret-0123456789abcdef";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
  private final List<String> refusedSignatures = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int failWith;
  private volatile String retryAfter;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext("/siem/in", receiver::handle);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/siem/in");
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Answers {@code status} (with {@code Retry-After} if not null) to every request until {@link #recover()}. */
  void failWith(int status, String retryAfterValue) {
    this.retryAfter = retryAfterValue;
    this.failWith = status;
  }

  void recover() {
    this.failWith = 0;
  }

  int requests() {
    return requests.get();
  }

  /** The sequence numbers of accepted events in the order they arrived, duplicates included. */
  List<Long> seqs() {
    List<Long> seqs = new ArrayList<>();
    accepted.forEach(event -> seqs.add(event.path("seq").asLong()));
    return seqs;
  }

  List<JsonNode> events() {
    return List.copyOf(accepted);
  }

  List<String> refusedSignatures() {
    return List.copyOf(refusedSignatures);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    byte[] body = exchange.getRequestBody().readAllBytes();
    int status;
    if (failWith != 0) {
      status = failWith;
      if (retryAfter != null) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
      }
    } else if (!verified(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body)) {
      refusedSignatures.add(String.valueOf(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER)));
      status = 401;
    } else {
      JSON.readTree(body).path("events").forEach(accepted::add);
      status = 204;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** What a receiver does with {@code Watchword-Signature: t=<unix>,v1=<hex>}. */
  static boolean verified(String header, byte[] body) {
    if (header == null || !header.matches("t=\\d{1,12},v1=[0-9a-f]{64}")) {
      return false;
    }
    long t = Long.parseLong(header.substring(2, header.indexOf(',')));
    if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
      return false; // a replay of an old request
    }
    byte[] expected = new WebhookSignature(SECRET).hmac(t, body);
    byte[] given = HexFormat.of().parseHex(header.substring(header.indexOf("v1=") + 3));
    return MessageDigest.isEqual(expected, given);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
