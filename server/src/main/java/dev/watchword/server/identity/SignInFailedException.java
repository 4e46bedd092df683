package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Any failed sign-in step. One message for every cause (unknown user, wrong password, wrong or
 * replayed code, expired challenge), as Authelia does; the cause goes to the audit only.
 */
class SignInFailedException extends ProblemException {

  SignInFailedException() {
    super(HttpStatus.UNAUTHORIZED, "authentication-failed", "Authentication failed",
        "Authentication failed.");
  }
}
