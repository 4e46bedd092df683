package dev.watchword.server.identity;

import dev.watchword.server.shared.Actor;
import dev.watchword.server.shared.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The authenticated user behind the current request, as of this request: built fresh from the
 * database each time, never from a cached session.
 *
 * @param sessionId the sign-in session the token belongs to; {@code null} for development tokens
 * @param aal the authenticator assurance level the session reached (NIST SP 800-63B Rev. 4)
 * @param authenticatedAt when the session's sign-in completed
 * @param methods how the session signed in, e.g. {@code pwd}, {@code otp}, {@code hwk}, {@code sso:mfa}
 */
public record Caller(UserId id, String username, OrgRole role, String sessionId, int aal, Instant authenticatedAt,
    List<String> methods) implements Actor {

  public Caller {
    methods = methods == null ? List.of() : List.copyOf(methods);
  }

  /** A caller outside any sign-in session (the development owner's token). */
  public Caller(UserId id, String username, OrgRole role) {
    this(id, username, role, null, 2, Instant.EPOCH, List.of());
  }

  /** Parses the comma-separated methods a session stores. */
  static List<String> methodsOf(String stored) {
    return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(","));
  }

  public boolean isAdministrator() {
    return role == OrgRole.OWNER || role == OrgRole.ADMIN;
  }

  /** Throws 403 unless this caller is an owner or admin. */
  public void requireAdministrator() {
    if (!isAdministrator()) {
      throw new AdministratorRequiredException();
    }
  }
}
