package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The entry does not exist in this vault, or the caller may not see it; the same answer for both. */
class EntryNotFoundException extends ProblemException {

  EntryNotFoundException() {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such entry.");
  }
}
