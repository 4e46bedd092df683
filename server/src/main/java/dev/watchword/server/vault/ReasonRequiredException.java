package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The vault's release rules do not accept the reason given (or its absence). */
class ReasonRequiredException extends ProblemException {

  ReasonRequiredException(String detail) {
    super(HttpStatus.BAD_REQUEST, "reason-required", "Reason required", detail);
  }
}
