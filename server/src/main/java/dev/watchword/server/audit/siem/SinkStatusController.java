package dev.watchword.server.audit.siem;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where each SIEM sink stands, for owners, admins and auditors. */
@RestController
class SinkStatusController {

  private static final Set<String> READERS = Set.of("ROLE_OWNER", "ROLE_ADMIN", "ROLE_AUDITOR");

  private final AuditSinkStatus status;

  SinkStatusController(AuditSinkStatus status) {
    this.status = status;
  }

  /** The configured sinks; an empty list when none is enabled. */
  record SinkStatuses(List<SinkStatus> sinks) {}

  @GetMapping(path = "/api/v1/audit/sinks", produces = "application/json")
  SinkStatuses sinks(Authentication authentication) {
    boolean reader = authentication != null && authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).anyMatch(READERS::contains);
    if (!reader) {
      throw new SinkStatusRoleRequiredException();
    }
    return new SinkStatuses(status.sinks());
  }
}
