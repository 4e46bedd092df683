package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only administrators create users, so telling them a name is taken reveals nothing new. */
class UsernameTakenException extends ProblemException {

  UsernameTakenException() {
    super(HttpStatus.CONFLICT, "username-taken", "Username taken", "A user with this username already exists.");
  }
}
