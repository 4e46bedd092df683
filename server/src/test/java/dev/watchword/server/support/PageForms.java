package dev.watchword.server.support;

import dev.watchword.server.support.ApiClient.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Forms as a page of the web UI posts them: through {@link ApiClient#request}, so with the session
 * cookie and a valid CSRF pair; urlencoded or multipart, as a plain submission or as htmx sends it.
 */
public final class PageForms {

  private PageForms() {}

  /** A plain (no JavaScript) submission of {@code name, value, name, value, ...}. */
  public static ApiResponse post(ApiClient client, String path, String... fields) {
    return client.send(client.request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(urlencoded(fields))));
  }

  /** The same form sent by htmx, which expects a fragment (or an {@code HX-Redirect}). */
  public static ApiResponse postHtmx(ApiClient client, String path, String... fields) {
    return client.send(client.request(path).header("HX-Request", "true")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(urlencoded(fields))));
  }

  public static ApiResponse post(ApiClient client, String path, Multipart body) {
    return client.send(client.request(path).header("Content-Type", body.contentType()).POST(body.publisher()));
  }

  private static String urlencoded(String... fields) {
    if (fields.length % 2 != 0) {
      throw new IllegalArgumentException("fields come in name, value pairs");
    }
    StringJoiner body = new StringJoiner("&");
    for (int i = 0; i < fields.length; i += 2) {
      body.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  /** A page's text as a person reads it: the few entities Thymeleaf writes, decoded. */
  public static String text(String html) {
    return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** A {@code multipart/form-data} body, as a form with a file input sends it. */
  public static final class Multipart {

    private final String boundary = "----watchword" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
      part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    public Multipart file(String name, String fileName, byte[] content) {
      part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream", content);
      return this;
    }

    private void part(String headers, byte[] content) {
      body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    public String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
      ByteArrayOutputStream complete = new ByteArrayOutputStream();
      complete.writeBytes(body.toByteArray());
      complete.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return HttpRequest.BodyPublishers.ofByteArray(complete.toByteArray());
    }
  }
}
