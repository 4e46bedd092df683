package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.PageRedirect;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A vault's settings, for its managers: the release rules (reason, ticket pattern, two-person
 * release), just-in-time access (requestable, longest grant) and the CEL policy rules with their
 * time zone. A rule is saved only after it compiled; a refusal shows the compiler's message.
 */
@Controller
@WebPage
class VaultSettingsPages {

  private final VaultService vaults;
  private final AccessRequestService access;
  private final VaultPolicyService policies;

  VaultSettingsPages(VaultService vaults, AccessRequestService access, VaultPolicyService policies) {
    this.vaults = vaults;
    this.access = access;
    this.policies = policies;
  }

  @GetMapping("/vaults/{vaultId}/settings")
  @VaultAction("policy.list")
  String settings(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String done, Model model) {
    VaultId id = PathIds.vault(vaultId);
    VaultPages.frame(model, vaults.getWithRole(caller, id, VaultRole.MANAGER), "settings", done);
    model.addAttribute("access", access.settings(caller, id));
    model.addAttribute("policies", policies.list(caller, id));
    return "vaults/settings";
  }

  /** Check boxes are sent only when ticked: a missing one means "off". */
  @PostMapping("/vaults/{vaultId}/settings/release")
  @VaultAction("vault.settings")
  String release(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String requireReason, @RequestParam(required = false) String ticketPattern,
      @RequestParam(required = false) String highValue, HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = PathIds.vault(vaultId); // the service checks the role first
    // A blank pattern field removes the pattern; the check boxes say on or off.
    ReleaseRules.Change change = new ReleaseRules.Change(requireReason != null,
        ticketPattern == null ? "" : ticketPattern, highValue != null);
    vaults.updateRules(caller, vault, change, RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.RELEASE_RULES_SAVED.after(settings(vault)), request, response);
  }

  @PostMapping("/vaults/{vaultId}/settings/access")
  @VaultAction("vault.access-settings")
  String accessSettings(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String requestable, @RequestParam(required = false) String maxGrantMinutes,
      HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = vaults.getWithRole(caller, PathIds.vault(vaultId), VaultRole.MANAGER).id();
    int minutes;
    try {
      minutes = Integer.parseInt(maxGrantMinutes == null ? "" : maxGrantMinutes.strip());
    } catch (NumberFormatException e) {
      throw new InvalidVaultSettingsException("'maxGrantMinutes' must be a whole number of minutes.");
    }
    access.updateSettings(caller, vault, new AccessRequests.Settings(requestable != null, minutes),
        RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.ACCESS_SETTINGS_SAVED.after(settings(vault)), request, response);
  }

  @PostMapping("/vaults/{vaultId}/policies")
  @VaultAction("policy.add")
  String addPolicy(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String name, @RequestParam(required = false) String expression,
      HttpServletRequest request, HttpServletResponse response) {
    // The service checks the role, the name and the expression (with the compiler's message).
    VaultId vault = PathIds.vault(vaultId);
    policies.add(caller, vault, name, expression, RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.POLICY_ADDED.after(settings(vault)), request, response);
  }

  @PostMapping("/vaults/{vaultId}/policies/{ruleId}/remove")
  @VaultAction("policy.remove")
  String removePolicy(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String ruleId, HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = PathIds.vault(vaultId); // the service checks the role first
    policies.remove(caller, vault, ruleId, RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.POLICY_REMOVED.after(settings(vault)), request, response);
  }

  @PostMapping("/vaults/{vaultId}/policies/time-zone")
  @VaultAction("policy.timezone")
  String timeZone(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String timeZone, HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = PathIds.vault(vaultId); // the service checks the role first
    policies.setTimeZone(caller, vault, timeZone == null ? "" : timeZone.strip(), RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.TIME_ZONE_SAVED.after(settings(vault)), request, response);
  }


  private static String settings(VaultId vault) {
    return VaultPages.path(vault) + "/settings";
  }
}
