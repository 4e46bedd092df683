package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

class InvalidMembershipException extends ProblemException {

  InvalidMembershipException(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-membership", "Invalid membership", detail);
  }
}
