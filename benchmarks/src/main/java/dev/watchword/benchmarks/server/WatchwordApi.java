package dev.watchword.benchmarks.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few API calls the load drivers make, with the development owner's bearer token. */
public record WatchwordApi(HttpClient http, URI base, String token) {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  /** POSTs JSON that creates something and returns the new id; fails unless 201. */
  public String create(String path, String json) throws Exception {
    HttpResponse<String> response = http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    Matcher id = ID.matcher(response.body());
    if (response.statusCode() != 201 || !id.find()) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return id.group(1);
  }

  /** POSTs JSON and returns the status and body. */
  public HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  public int postStatus(String path, String json) {
    try {
      return http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  public String get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Without the bearer token. */
  @Override
  public String toString() {
    return "WatchwordApi[" + base + "]";
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }
}
