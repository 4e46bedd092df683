package dev.watchword.server.audit;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A filter of the audit that cannot be run as given. */
public class InvalidAuditQueryException extends ProblemException {

  public InvalidAuditQueryException(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-audit-query", "Invalid audit query", detail);
  }
}
