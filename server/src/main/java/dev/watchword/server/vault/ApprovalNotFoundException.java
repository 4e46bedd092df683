package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No pending approval by that id that this caller may decide (their own requests included). */
class ApprovalNotFoundException extends ProblemException {

  ApprovalNotFoundException() {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such pending approval.");
  }
}
