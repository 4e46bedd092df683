package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No passkey of the caller's has this id (another user's passkey looks the same). */
class PasskeyNotFoundException extends ProblemException {

  PasskeyNotFoundException() {
    super(HttpStatus.NOT_FOUND, "passkey-not-found", "Passkey not found", "No such passkey.");
  }
}
