package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A field of the "add a person" form that cannot become a user; the detail names the field. */
class InvalidNewUserException extends ProblemException {

  InvalidNewUserException(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-user", "Check the form", detail);
  }
}
