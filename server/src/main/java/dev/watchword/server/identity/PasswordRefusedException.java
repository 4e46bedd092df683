package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A new password does not meet the policy; the detail tells the user why, never the password. */
class PasswordRefusedException extends ProblemException {

  PasswordRefusedException(String reason) {
    super(HttpStatus.BAD_REQUEST, "password-refused", "Password refused", reason);
  }
}
