package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The provider's account may not sign in here (not linked, or its user is disabled); details go to the audit. */
class SsoRefusedException extends ProblemException {

  SsoRefusedException() {
    super(HttpStatus.FORBIDDEN, "sso-refused", "Single sign-on refused",
        "This account may not sign in to Watchword. Ask an administrator.");
  }
}
