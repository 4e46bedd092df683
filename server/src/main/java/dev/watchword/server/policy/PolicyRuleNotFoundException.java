package dev.watchword.server.policy;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No such rule in this scope (the organisation, or this vault, whether or not it exists in another). */
public class PolicyRuleNotFoundException extends ProblemException {

  public PolicyRuleNotFoundException() {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such policy rule.");
  }
}
