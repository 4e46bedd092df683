package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** 409: an administrator cannot offboard themselves (another administrator does it). */
class SelfDisableException extends ProblemException {

  SelfDisableException() {
    super(HttpStatus.CONFLICT, "self-disable", "Conflict",
        "You cannot disable your own account; another owner or admin can.");
  }
}
