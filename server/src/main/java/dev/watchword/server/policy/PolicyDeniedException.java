package dev.watchword.server.policy;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A rule refused the request; the detail names that rule and nothing else. */
public class PolicyDeniedException extends ProblemException {

  public PolicyDeniedException(String ruleName) {
    super(HttpStatus.FORBIDDEN, "policy-denied", "Forbidden", "Refused by policy '" + ruleName + "'.");
  }
}
