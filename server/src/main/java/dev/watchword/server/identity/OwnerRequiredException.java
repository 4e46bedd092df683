package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only owners change organisation roles. */
class OwnerRequiredException extends ProblemException {

  OwnerRequiredException() {
    this("Only an owner can change organisation roles.");
  }

  OwnerRequiredException(String detail) {
    super(HttpStatus.FORBIDDEN, "owner-required", "Forbidden", detail);
  }
}
