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

  /** The name of the rule that refused, for the audit's {@code rule} column. */
  public String ruleName() {
    return ruleName;
  }
}
