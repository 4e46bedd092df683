package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Whether a user holds a second factor: a confirmed TOTP or at least one passkey. The one answer
 * every sign-in path uses to choose between "give your factor" and "enrol one", so no path sends
 * a passkey holder to enrolment (where whoever knows the first factor could add their own).
 */
@Component
class SecondFactors {

  private final TotpFactor totp;
  private final Passkeys passkeys;

  SecondFactors(TotpFactor totp, Passkeys passkeys) {
    this.totp = totp;
    this.passkeys = passkeys;
  }

  boolean hasAny(UserId user) {
    return totp.isEnrolled(user) || passkeys.hasAny(user);
  }
}
