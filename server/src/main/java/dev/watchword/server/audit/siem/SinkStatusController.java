package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditReaders;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where each SIEM sink stands, for owners, admins and auditors. */
@RestController
class SinkStatusController {

  private final AuditSinkStatus status;

  SinkStatusController(AuditSinkStatus status) {
    this.status = status;
  }

  /** The configured sinks; an empty list when none is enabled. */
  record SinkStatuses(List<SinkStatus> sinks) {}

  @GetMapping(path = "/api/v1/audit/sinks", produces = "application/json")
  SinkStatuses sinks(Authentication authentication) {
    AuditReaders.require(authentication);
    return new SinkStatuses(status.sinks());
  }
}
