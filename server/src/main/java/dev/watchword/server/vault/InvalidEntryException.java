package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The entry's parameters are not acceptable; the message names the parameter, never the secret. */
class InvalidEntryException extends ProblemException {

  InvalidEntryException(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-entry", "Invalid entry", detail);
  }
}
