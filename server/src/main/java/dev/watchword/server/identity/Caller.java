package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.time.Instant;

/**
 * The authenticated user behind the current request, as of this request: built fresh from the
 * database each time, never from a cached session.
 *
 * @param sessionId the sign-in session the token belongs to; {@code null} for development tokens
 * @param aal the authenticator assurance level the session reached (NIST SP 800-63B Rev. 4)
 * @param authenticatedAt when the session's sign-in completed
 */
public record Caller(UserId id, String username, OrgRole role, String sessionId, int aal, Instant authenticatedAt) {

  /** A caller outside any sign-in session (the development owner's token). */
  public Caller(UserId id, String username, OrgRole role) {
    this(id, username, role, null, 2, Instant.EPOCH);
  }

  public boolean isAdministrator() {
    return role == OrgRole.OWNER || role == OrgRole.ADMIN;
  }
}
