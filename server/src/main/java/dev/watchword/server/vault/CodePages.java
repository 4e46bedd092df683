package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.OptionalText;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The technician's path: one search across every vault the user can see, one click to a code.
 * A code is released by the same service as the API's, so policies, reasons, two-person release
 * and the audit apply unchanged; the page only shows the outcome.
 */
@Controller
@WebPage
@Validated
class CodePages {

  private final EntrySearch search;
  private final CodeReleaseService codes;
  private final AccessRequestService access;
  private final Clock clock;

  CodePages(EntrySearch search, CodeReleaseService codes, AccessRequestService access, Clock clock) {
    this.search = search;
    this.codes = codes;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String q,
      HttpServletRequest request, Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("hits", search.search(caller, q, RequestOrigins.of(request)));
    model.addAttribute("requestable", access.requestable(caller));
    return "codes/home";
  }

  @GetMapping("/search")
  String results(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String q,
      HttpServletRequest request, Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("hits", search.search(caller, q, RequestOrigins.of(request)));
    return "codes/home :: results";
  }

  @PostMapping("/vaults/{vaultId}/entries/{entryId}/code")
  @VaultAction(value = "code.release", evaluatedByService = true)
  String code(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String entryId,
      @RequestParam(required = false) @Size(max = 500) @PlainText String reason,
      @RequestParam(required = false) @Size(max = 64) String approval, HttpServletRequest request, Model model) {
    String given = OptionalText.strippedOrNull(reason);
    VaultId vault = PathIds.vault(vaultId);
    EntryId entry = PathIds.entry(entryId);
    ReleaseOutcome outcome = codes.release(caller, vault, entry, given,
        OptionalText.strippedOrNull(approval), RequestOrigins.of(request));
    model.addAttribute("vaultId", vault.toString());
    model.addAttribute("entryId", entry.toString());
    model.addAttribute("reason", given);
    if (outcome instanceof ApprovalRequired pending) {
      model.addAttribute("pending", pending);
      return "codes/code :: pending";
    }
    model.addAttribute("released", outcome);
    // The page counts down from the server's clock, not the browser's (which may be off).
    model.addAttribute("serverNow", clock.millis());
    return "codes/code :: code";
  }

  @PostMapping("/vaults/{vaultId}/access-requests")
  @VaultAction("access.request")
  String requestAccess(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam @Pattern(regexp = VaultRole.WIRE_NAMES) String role, @RequestParam int minutes,
      @RequestParam @Size(min = 1, max = 500) @PlainText String reason, HttpServletRequest request, Model model) {
    VaultRole wanted = VaultRole.fromWire(role);
    model.addAttribute("created", access.request(caller, PathIds.vault(vaultId), wanted, minutes, reason.strip(),
        RequestOrigins.of(request)));
    return "codes/code :: requested";
  }
}
