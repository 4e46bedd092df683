package dev.watchword.server.audit;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only owners, admins and auditors read the organisation's audit trail. */
public class AuditRoleRequiredException extends ProblemException {

  public AuditRoleRequiredException() {
    super(HttpStatus.FORBIDDEN, "audit-role-required", "Forbidden",
        "Reading the audit trail needs the owner, admin or auditor role.");
  }
}
