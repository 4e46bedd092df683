package dev.watchword.server.audit.siem;

import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only owners, admins and auditors see the SIEM sinks (the same problem type as the audit trail). */
class SinkStatusRoleRequiredException extends ProblemException {

  SinkStatusRoleRequiredException() {
    super(HttpStatus.FORBIDDEN, "audit-role-required", "Forbidden",
        "Reading the audit sinks needs the owner, admin or auditor role.");
  }
}
