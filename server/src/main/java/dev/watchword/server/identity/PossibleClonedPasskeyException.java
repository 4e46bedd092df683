package dev.watchword.server.identity;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A verified assertion whose signature counter did not move past the stored one (WebAuthn §6.1.1,
 * "signature counter considerations"): two authenticators hold the same private key, so the
 * passkey may have been cloned. The sign-in is refused and audited; the user should remove it.
 */
class PossibleClonedPasskeyException extends BadCredentialsException {

  PossibleClonedPasskeyException(long stored, long presented) {
    super("signature counter went back (stored " + stored + ", presented " + presented
        + "): possible cloned authenticator");
  }
}
