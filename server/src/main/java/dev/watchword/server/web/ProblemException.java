package dev.watchword.server.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A domain failure that becomes an RFC 9457 problem. Each feature extends it with exceptions
 * named in its own words; the message becomes the problem's {@code detail}, so it MUST NOT
 * contain a seed, a password or a token.
 */
public abstract class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String typeSlug;
  private final String title;

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
}
