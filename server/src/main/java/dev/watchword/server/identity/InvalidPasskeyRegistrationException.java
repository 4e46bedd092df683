package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The authenticator's answer to a registration could not be read (not JSON, or not a credential). */
class InvalidPasskeyRegistrationException extends ProblemException {

  InvalidPasskeyRegistrationException() {
    super(HttpStatus.BAD_REQUEST, "invalid-passkey-registration", "Invalid passkey registration",
        "The registration body is not a WebAuthn public key credential in JSON; no passkey was added.");
  }
}
