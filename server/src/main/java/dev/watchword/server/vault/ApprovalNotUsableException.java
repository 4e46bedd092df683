package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The approval is unknown, not yet approved, denied, expired, already used, or someone else's. */
class ApprovalNotUsableException extends ProblemException {

  ApprovalNotUsableException() {
    super(HttpStatus.CONFLICT, "approval-not-usable", "Approval not usable",
        "This approval is not (or no longer) approved for you and this entry; request the code again.");
  }
}
