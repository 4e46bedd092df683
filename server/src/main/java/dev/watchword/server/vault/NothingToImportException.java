package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The import page was sent neither a file nor pasted lines, or both at once. */
class NothingToImportException extends ProblemException {

  NothingToImportException(String detail) {
    super(HttpStatus.BAD_REQUEST, "import-source-required", "Nothing to import", detail);
  }
}
