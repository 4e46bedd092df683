package dev.watchword.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** Problem type slugs for failures that Spring MVC and the servlet container detect. */
final class StandardProblemTypes {

  private StandardProblemTypes() {}

  static String slugFor(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    if (known == null) {
      return "http-" + status.value();
    }
    return switch (known) {
      case BAD_REQUEST -> "malformed-request";
      case UNAUTHORIZED -> "unauthorized";
      case FORBIDDEN -> "forbidden";
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case NOT_ACCEPTABLE -> "not-acceptable";
      case CONTENT_TOO_LARGE -> "request-too-large";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
      case TOO_MANY_REQUESTS -> "too-many-requests";
      case SERVICE_UNAVAILABLE -> "service-unavailable";
      default -> known.is5xxServerError() ? "internal-error" : "http-" + status.value();
    };
  }
}
