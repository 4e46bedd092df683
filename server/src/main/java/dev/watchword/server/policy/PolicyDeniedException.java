package dev.watchword.server.policy;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A rule refused the request; the detail names that rule and nothing else. */
public class PolicyDeniedException extends ProblemException {

  private final String ruleName;

  public PolicyDeniedException(String ruleName) {
    super(HttpStatus.FORBIDDEN, "policy-denied", "Forbidden", "Refused by policy '" + ruleName + "'.");
    this.ruleName = ruleName;
  }

  /** The audit's {@code rule} column for this refusal: {@code policy:<name>}. */
  public String auditRule() {
    return "policy:" + ruleName;
  }
}
