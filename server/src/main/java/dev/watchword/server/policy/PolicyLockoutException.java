package dev.watchword.server.policy;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A new vault rule would refuse its own removal by the manager adding it: saving it would lock them out. */
public class PolicyLockoutException extends ProblemException {

  public PolicyLockoutException(String ruleName) {
    super(HttpStatus.CONFLICT, "policy-lockout", "Policy would lock you out",
        "Rule '" + ruleName + "' would refuse you removing it again (request.action \"policy.remove\"), which"
            + " would lock you out of this vault; narrow it, for example with request.action == \"code.release\".");
  }
}
