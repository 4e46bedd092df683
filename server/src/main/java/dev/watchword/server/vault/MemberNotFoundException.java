package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

class MemberNotFoundException extends ProblemException {

  MemberNotFoundException() {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such user or member.");
  }
}
