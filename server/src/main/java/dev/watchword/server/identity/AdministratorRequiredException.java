package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

class AdministratorRequiredException extends ProblemException {

  AdministratorRequiredException() {
    super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This action needs the owner or admin role.");
  }
}
