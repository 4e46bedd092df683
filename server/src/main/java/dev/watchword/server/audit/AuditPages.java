package dev.watchword.server.audit;

import dev.watchword.server.shared.Actor;
import dev.watchword.server.web.PageRedirect;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit viewer, for owners, admins and auditors: events newest first with the API's filters,
 * an "older" cursor, CSV and JSON export from the browser session (audited, like the API's), and
 * the log's integrity: where its head and newest signed checkpoint stand, and a full verification
 * on demand (it reads every event, so it does not run on every page view).
 */
@Controller
@WebPage
class AuditPages {

  static final String AUDIT = "/admin/audit";
  static final int PAGE_SIZE = 50;

  private final AuditTrail trail;

  AuditPages(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping(AUDIT)
  String events(Authentication authentication, AuditFilter filter, @RequestParam(required = false) Long before,
      Model model) {
    AuditReaders.require(authentication);
    List<AuditRecord> events = trail.newestFirst(filter.toQuery(PAGE_SIZE), before);
    model.addAttribute("filter", filter);
    model.addAttribute("events", events);
    model.addAttribute("status", trail.status());
    model.addAttribute("older", events.size() == PAGE_SIZE
        ? filter.link(AUDIT, Map.of("before", Long.toString(events.get(events.size() - 1).seq()))) : null);
    model.addAttribute("newest", before == null ? null : filter.link(AUDIT, Map.of()));
    model.addAttribute("csv", filter.link(AUDIT + "/export", Map.of("format", "csv")));
    model.addAttribute("json", filter.link(AUDIT + "/export", Map.of("format", "json")));
    return "admin/audit";
  }

  /** Every event matching the filters as a file; the export itself is audited before it starts. */
  @GetMapping(AUDIT + "/export")
  ResponseEntity<StreamingResponseBody> export(Authentication authentication, AuditFilter filter,
      @RequestParam(defaultValue = "csv") String format, HttpServletRequest request) {
    AuditReaders.require(authentication);
    AuditExport export = AuditExport.of(format);
    return export.download("watchword-audit", trail.export((Actor) authentication.getPrincipal(), null,
        filter.toQuery(AuditQuery.MAX_PAGE), export, RequestOrigins.of(request)));
  }

  /** Verifies the whole log now; htmx gets the result alone, a plain request the viewer with it. */
  @GetMapping(AUDIT + "/verify")
  String verify(Authentication authentication, HttpServletRequest request, Model model) {
    AuditReaders.require(authentication);
    model.addAttribute("verification", trail.verify());
    return PageRedirect.isHtmx(request) ? "admin/audit :: verified"
        : events(authentication, AuditFilter.none(), null, model);
  }
}
