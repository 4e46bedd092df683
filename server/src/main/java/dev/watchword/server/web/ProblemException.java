package dev.watchword.server.web;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A domain failure that becomes an RFC 9457 problem. Each feature extends it with exceptions
 * named in its own words; the message becomes the problem's {@code detail}, so it MUST NOT
 * contain a seed, a password or a token.
 */
public abstract class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String typeSlug;
  private final String title;
  private final Map<String, String> headers = new LinkedHashMap<>();

  protected ProblemException(HttpStatus status, String typeSlug, String title, String detail) {
    super(detail);
    this.status = status;
    this.typeSlug = typeSlug;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return Problems.type(typeSlug);
  }

  public String title() {
    return title;
  }

  /** This problem as an RFC 9457 body: type, title, status and the message as detail. */
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(type());
    problem.setTitle(title);
    return problem;
  }

  /** Response headers that belong to this problem, such as {@code Retry-After}. */
  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  protected void header(String name, String value) {
    headers.put(name, value);
  }
}
