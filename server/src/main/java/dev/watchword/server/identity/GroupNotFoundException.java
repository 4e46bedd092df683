package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No such group. Public: vault grants refer to groups too. */
public class GroupNotFoundException extends ProblemException {

  public GroupNotFoundException() {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such group.");
  }
}
