package dev.watchword.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin HTTP client for API tests: real requests over loopback, through every filter. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  public ApiClient(int port, String token) {
    this.baseUrl = "http://127.0.0.1:" + port;
    this.token = token;
  }

  /** The bearer token this client sends, to use it against another node. */
  public String token() {
    return token;
  }

  public ApiClient as(String otherToken) {
    return new ApiClient(Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)), otherToken);
  }

  /** Creates a vault (the caller becomes its manager) and returns its id; fails the test otherwise. */
  public String newVault() {
    return created(postJson("/api/v1/vaults", "{\"name\":\"Vault " + java.util.UUID.randomUUID() + "\"}"));
  }

  /** Creates a TOTP entry with default parameters and returns its id. */
  public String newTotpEntry(String vault, String base32Secret) {
    return newEntry(vault, "{\"issuer\":\"AWS\",\"account\":\"root\",\"secret\":\"" + base32Secret + "\"}");
  }

  /** Creates an entry from a JSON body and returns its id. */
  public String newEntry(String vault, String json) {
    return created(postJson("/api/v1/vaults/" + vault + "/entries", json));
  }

  public static String codePath(String vault, String entry) {
    return "/api/v1/vaults/" + vault + "/entries/" + entry + "/code";
  }

  private static String created(ApiResponse response) {
    if (response.status() != 201) {
      throw new AssertionError("expected 201, got " + response.status() + ": " + response.body());
    }
    return response.text("id");
  }

  public ApiResponse get(String path) {
    return send(request(path).GET());
  }

  public ApiResponse postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  /** Submits a web form: {@code fields} are name, value, name, value... (a page also gets the CSRF pair). */
  public ApiResponse postForm(String path, String... fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
          .append(java.net.URLEncoder.encode(fields[i + 1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return post(path, "application/x-www-form-urlencoded", body.toString());
  }

  public ApiResponse post(String path, String contentType, String body) {
    HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  public ApiResponse send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), response.headers(), response.body(), parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null && isPage(path)) {
      // A web page: the same token as the session cookie, and a CSRF pair (double submit).
      WebCsrf csrf = WebCsrf.random();
      builder.header("Cookie", "__Host-watchword=" + token + "; " + csrf.cookie());
      builder.header(WebCsrf.HEADER, csrf.maskedToken());
    } else if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /** Everything outside the API, the passkey ceremonies and actuator is a page of the web UI. */
  public static boolean isPage(String path) {
    return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/webauthn")
        && !path.startsWith("/login/") && !path.startsWith("/v3/");
  }

  public static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** A response with its body as text and, when it is JSON, as a tree. */
  public record ApiResponse(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {

    public String text(String field) {
      return json.path(field).asString();
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }
}
