package dev.watchword.server.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Stable problem {@code type} URIs; the list of types is documented in {@code docs/api.md}. */
public final class Problems {

  private static final String TYPE_BASE = "https://watchword.dev/problems/";

  private Problems() {}

  public static URI type(String slug) {
    return URI.create(TYPE_BASE + slug);
  }

  public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slug));
    problem.setTitle(title);
    return problem;
  }
}
