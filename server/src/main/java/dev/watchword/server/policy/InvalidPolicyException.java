package dev.watchword.server.policy;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A rule that does not compile, is not boolean, or is malformed; the detail is the compiler's message. */
public class InvalidPolicyException extends ProblemException {

  public InvalidPolicyException(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-policy", "Invalid policy", detail);
  }
}
