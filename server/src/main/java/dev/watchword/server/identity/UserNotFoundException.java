package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

class UserNotFoundException extends ProblemException {

  UserNotFoundException() {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such user.");
  }
}
