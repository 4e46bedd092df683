package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Sign-in is throttled for this account or address; {@code Retry-After} says for how long. */
class TooManyAttemptsException extends ProblemException {

  TooManyAttemptsException(Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many attempts",
        "Too many failed sign-in attempts; try again later.");
    header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
  }
}
