package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.PageRedirect;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Everything waiting for the caller's decision, across the vaults they belong to: two-person
 * releases (code or seed reveal) that another member asked for, and, in the vaults they manage,
 * just-in-time access requests; and the caller's own access requests with their status. The
 * decisions are the services' own ({@link ReleaseApprovalService#decide},
 * {@link AccessRequestService#decide}): nobody decides their own request, and each is audited.
 */
@Controller
@WebPage
class ApprovalPages {

  static final String PATH = "/approvals";

  private final VaultService vaults;
  private final EntryRepository entries;
  private final ReleaseApprovalService releases;
  private final AccessRequestService access;
  private final VaultPolicyService policies;
  private final UserDirectory directory;
  private final Clock clock;

  ApprovalPages(VaultService vaults, EntryRepository entries, ReleaseApprovalService releases,
      AccessRequestService access, VaultPolicyService policies, UserDirectory directory, Clock clock) {
    this.vaults = vaults;
    this.policies = policies;
    this.entries = entries;
    this.releases = releases;
    this.access = access;
    this.directory = directory;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String approvals(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String done,
      HttpServletRequest request, Model model) {
    Instant now = clock.instant();
    RequestOrigin origin = RequestOrigins.of(request);
    List<Vault> visible = vaults.listVisible(caller);
    List<ReleaseRow> releaseRows = new ArrayList<>();
    // Each list as its vault's policies allow the API's list route (approval.list, access.list).
    // One statement for all vaults' requests, then one for the entries of each vault that has some.
    Map<VaultId, Vault> approvable = byId(policies.allowing(caller, visible, "approval.list", origin));
    Map<VaultId, List<ReleaseApprovals.Pending>> pendingByVault = releases.pendingIn(caller,
        List.copyOf(approvable.values())).stream()
        .collect(Collectors.groupingBy(ReleaseApprovals.Pending::vault, LinkedHashMap::new, Collectors.toList()));
    pendingByVault.forEach((vaultId, pending) -> {
      Map<EntryId, Entry> entriesById = entries.findAll(vaultId,
          pending.stream().map(ReleaseApprovals.Pending::entry).toList());
      pending.forEach(p -> releaseRows.add(new ReleaseRow(approvable.get(vaultId), entriesById.get(p.entry()), p)));
    });
    List<Vault> managed = visible.stream().filter(vault -> vault.role().includes(VaultRole.MANAGER)).toList();
    List<AccessRequests.Request> requests = access.waitingFor(caller,
        policies.allowing(caller, managed, "access.list", origin), now);
    Map<UserId, String> names = directory.usernames(requests.stream().map(AccessRequests.Request::requester).toList());
    model.addAttribute("releases", releaseRows);
    model.addAttribute("requests", requests.stream()
        .map(r -> new RequestRow(r, names.getOrDefault(r.requester(), r.requester().toString()))).toList());
    model.addAttribute("mine", access.mine(caller).stream().map(r -> new MineRow(r, r.statusAt(now))).toList());
    model.addAttribute("notice", PageNotice.textOf(done));
    return "approvals/approvals";
  }

  @PostMapping("/vaults/{vaultId}/approvals/{approvalId}/approve")
  @VaultAction("approval.approve")
  String approveRelease(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String approvalId, HttpServletRequest request, HttpServletResponse response, Model model) {
    releases.decide(caller, PathIds.vault(vaultId), approvalId, true, RequestOrigins.of(request));
    return decided(true, "Approved. The requester can now get it, once, within "
        + ReleaseApprovalService.USE_WINDOW.toMinutes() + " minutes.", request, response, model);
  }

  @PostMapping("/vaults/{vaultId}/approvals/{approvalId}/deny")
  @VaultAction("approval.deny")
  String denyRelease(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String approvalId, HttpServletRequest request, HttpServletResponse response, Model model) {
    releases.decide(caller, PathIds.vault(vaultId), approvalId, false, RequestOrigins.of(request));
    return decided(false, "Denied. Nothing was released.", request, response, model);
  }

  @PostMapping("/vaults/{vaultId}/access-requests/{requestId}/approve")
  @VaultAction("access.approve")
  String approveAccess(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String requestId, HttpServletRequest request, HttpServletResponse response, Model model) {
    VaultId vault = PathIds.vault(vaultId);
    access.decide(caller, vault, requestId, true, RequestOrigins.of(request));
    return decided(true, "Approved. The access starts now and ends by itself.", request, response, model);
  }

  @PostMapping("/vaults/{vaultId}/access-requests/{requestId}/deny")
  @VaultAction("access.deny")
  String denyAccess(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String requestId, HttpServletRequest request, HttpServletResponse response, Model model) {
    access.decide(caller, PathIds.vault(vaultId), requestId, false, RequestOrigins.of(request));
    return decided(false, "Denied.", request, response, model);
  }

  /** htmx replaces the row's buttons with the outcome; a plain form goes back to the page. */
  private static String decided(boolean approved, String outcome, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    if (PageRedirect.isHtmx(request)) {
      model.addAttribute("approved", approved);
      model.addAttribute("outcome", outcome);
      return "approvals/approvals :: decided";
    }
    return PageRedirect.to((approved ? PageNotice.APPROVED : PageNotice.DENIED).after(PATH), request, response);
  }

  private static Map<VaultId, Vault> byId(List<Vault> vaults) {
    Map<VaultId, Vault> byId = new LinkedHashMap<>();
    vaults.forEach(vault -> byId.put(vault.id(), vault));
    return byId;
  }

  /** A two-person release waiting for a second member; {@code entry} is null if it is gone. */
  record ReleaseRow(Vault vault, Entry entry, ReleaseApprovals.Pending pending) {}

  record RequestRow(AccessRequests.Request request, String requesterName) {}

  record MineRow(AccessRequests.Request request, String status) {}
}
