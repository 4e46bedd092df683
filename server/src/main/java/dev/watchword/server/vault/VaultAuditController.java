package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditExport;
import dev.watchword.server.audit.AuditQuery;
import dev.watchword.server.audit.AuditRecord;
import dev.watchword.server.audit.AuditTrail;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * One client's audit: the events of one vault, for its managers, as pages or as a report file
 * (CSV or JSON, optionally for a period) that an MSP hands to that client.
 */
@RestController
class VaultAuditController {

  private final VaultService vaults;
  private final AuditTrail trail;

  VaultAuditController(VaultService vaults, AuditTrail trail) {
    this.vaults = vaults;
    this.trail = trail;
  }

  record Page(List<AuditRecord> events, Long next) {}

  @GetMapping(path = "/api/v1/vaults/{vaultId}/audit", produces = "application/json")
  @VaultAction("audit.read")
  Page events(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String entryId, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @RequestParam(required = false) String decision,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Long after, @RequestParam(defaultValue = "100") int limit) {
    VaultId vault = managed(caller, vaultId);
    List<AuditRecord> events = trail.page(
        new AuditQuery(vault.toString(), entryId, actor, action, decision, from, to, after, limit));
    return new Page(events, events.size() == limit ? events.get(events.size() - 1).seq() : null);
  }

  @GetMapping(path = "/api/v1/vaults/{vaultId}/audit/report")
  @VaultAction("audit.report")
  ResponseEntity<StreamingResponseBody> report(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      HttpServletRequest request, @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
    VaultId vault = managed(caller, vaultId);
    AuditExport export = AuditExport.of(format);
    AuditQuery query = new AuditQuery(vault.toString(), null, null, null, null, from, to, null, AuditQuery.MAX_PAGE);
    return export.download("watchword-audit-" + vault,
        trail.export(caller, vault, query, export, RequestOrigins.of(request)));
  }

  private VaultId managed(Caller caller, String vaultId) {
    VaultId vault = PathIds.vault(vaultId);
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    return vault;
  }
}
