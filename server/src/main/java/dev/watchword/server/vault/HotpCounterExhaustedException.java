package dev.watchword.server.vault;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The HOTP counter reached its end; releasing another code would repeat one. Re-enrol the token. */
class HotpCounterExhaustedException extends ProblemException {

  HotpCounterExhaustedException() {
    super(HttpStatus.CONFLICT, "hotp-counter-exhausted", "HOTP counter exhausted",
        "This HOTP entry has no counter left; replace its secret to keep using it.");
  }
}
