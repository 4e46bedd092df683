package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

class SetupTokenInvalidException extends ProblemException {

  SetupTokenInvalidException() {
    super(HttpStatus.GONE, "setup-link-invalid", "Setup link invalid",
        "This setup link is unknown, used or expired. Restart the server for a new one while no user exists.");
  }
}
