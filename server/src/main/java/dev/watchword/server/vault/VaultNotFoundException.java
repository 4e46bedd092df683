package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The vault does not exist, or the caller may not see it: the two are indistinguishable on
 * purpose, so ids of other clients' vaults reveal nothing.
 */
class VaultNotFoundException extends ProblemException {

  VaultNotFoundException() {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such vault.");
  }
}
