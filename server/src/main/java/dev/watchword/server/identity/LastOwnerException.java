package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The organisation must keep an owner who can sign in. */
class LastOwnerException extends ProblemException {

  LastOwnerException() {
    super(HttpStatus.CONFLICT, "last-owner", "Conflict",
        "This is the last active owner; make someone else owner first.");
  }
}
