package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The change would leave the vault without a lasting manager, so nobody could manage it again. */
class LastManagerException extends ProblemException {

  LastManagerException() {
    super(HttpStatus.CONFLICT, "last-manager", "Last manager",
        "A vault keeps at least one manager without an expiry; appoint another one first.");
  }
}
