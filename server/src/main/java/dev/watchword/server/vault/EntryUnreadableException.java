package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The entry's seed does not decrypt; the caller learns nothing more than that. */
class EntryUnreadableException extends ProblemException {

  EntryUnreadableException() {
    super(HttpStatus.INTERNAL_SERVER_ERROR, "entry-unreadable", "Entry unreadable",
        "The entry's secret cannot be used; an administrator has been alerted.");
  }
}
