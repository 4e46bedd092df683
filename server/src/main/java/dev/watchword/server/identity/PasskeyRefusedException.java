package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A passkey could not be registered: a bad name, or a response that failed verification. */
class PasskeyRefusedException extends ProblemException {

  PasskeyRefusedException(String detail) {
    super(HttpStatus.BAD_REQUEST, "passkey-refused", "Passkey refused", detail);
  }
}
