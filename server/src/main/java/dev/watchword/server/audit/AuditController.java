package dev.watchword.server.audit;

import dev.watchword.server.shared.Actor;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The organisation's audit trail: query, export and verification, for owners, admins and auditors. */
@RestController
class AuditController {

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  /** A page of events, oldest first; {@code next} is the cursor for the following page. */
  record Page(List<AuditRecord> events, Long next) {}

  @GetMapping(path = "/api/v1/audit", produces = "application/json")
  Page events(Authentication authentication, @RequestParam(required = false) String vaultId,
      @RequestParam(required = false) String entryId, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @RequestParam(required = false) String decision,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Long after, @RequestParam(defaultValue = "100") int limit) {
    AuditReaders.require(authentication);
    AuditQuery query = new AuditQuery(vaultId, entryId, actor, action, decision, from, to, after, limit);
    List<AuditRecord> events = trail.page(query);
    Long next = events.size() == limit ? events.get(events.size() - 1).seq() : null;
    return new Page(events, next);
  }

  @GetMapping(path = "/api/v1/audit/export")
  ResponseEntity<StreamingResponseBody> export(Authentication authentication, HttpServletRequest request,
      @RequestParam(defaultValue = "json") String format, @RequestParam(required = false) String vaultId,
      @RequestParam(required = false) String entryId, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @RequestParam(required = false) String decision,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
    AuditReaders.require(authentication);
    AuditExport export = AuditExport.of(format);
    AuditQuery query = new AuditQuery(vaultId, entryId, actor, action, decision, from, to, null,
        AuditQuery.MAX_PAGE);
    return export.download("watchword-audit",
        trail.export((Actor) authentication.getPrincipal(), null, query, export, RequestOrigins.of(request)));
  }

  @GetMapping(path = "/api/v1/audit/verify", produces = "application/json")
  Verification verify(Authentication authentication) {
    AuditReaders.require(authentication);
    return trail.verify();
  }

}
