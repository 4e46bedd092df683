package dev.watchword.server.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * A user as administrators see them on the people page: the account and which second factors it
 * holds (never the factors themselves).
 *
 * @param totp whether a TOTP authenticator is enrolled
 * @param passkeys how many passkeys are registered
 * @param sso whether the account is linked to a single sign-on provider
 */
record ManagedUser(UserAccount account, boolean totp, int passkeys, boolean sso) {

  /** The factors in words, e.g. "TOTP", "2 passkeys", "single sign-on"; empty when there are none yet. */
  public List<String> factors() {
    List<String> factors = new ArrayList<>(3);
    if (totp) {
      factors.add("TOTP");
    }
    if (passkeys > 0) {
      factors.add(passkeys == 1 ? "1 passkey" : passkeys + " passkeys");
    }
    if (sso) {
      factors.add("single sign-on");
    }
    return factors;
  }
}
