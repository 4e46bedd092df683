package dev.watchword.server.audit;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who reads the organisation's audit trail and its delivery state: owners, admins and auditors. */
public final class AuditReaders {

  private static final Set<String> READERS = Set.of("ROLE_OWNER", "ROLE_ADMIN", "ROLE_AUDITOR");

  private AuditReaders() {}

  /** Throws 403 {@code audit-role-required} unless the caller holds one of the reader roles. */
  public static void require(Authentication authentication) {
    boolean reader = authentication != null && authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).anyMatch(READERS::contains);
    if (!reader) {
      throw new AuditRoleRequiredException();
    }
  }
}
