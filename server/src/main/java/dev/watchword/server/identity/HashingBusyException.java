package dev.watchword.server.identity;

import dev.watchword.server.identity.password.PasswordHashingBusyException;
import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A login storm holds every password-hashing slot; the attempt was not judged, so try again. */
class HashingBusyException extends ProblemException {

  HashingBusyException(PasswordHashingBusyException cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Busy",
        "The server is busy checking passwords; try again shortly.");
    header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, cause.retryAfter().toSeconds())));
  }
}
