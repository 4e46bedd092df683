package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No such rule in this vault (whether or not it exists in another). */
class PolicyRuleNotFoundException extends ProblemException {

  PolicyRuleNotFoundException() {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such policy rule.");
  }
}
