package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.web.WebPage;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Offboarding in the browser, for owners and admins: before a user is disabled, the page shows
 * what disabling does and the offboarding report (the vaults they could reach, the seeds they
 * revealed that need rotating), with the button that disables them (the identity feature's
 * {@code POST /admin/users/{userId}/disable}); afterwards the same report is the rotation list.
 */
@Controller
@WebPage
class OffboardingPages {

  private final OffboardingReports reports;
  private final UserDirectory users;

  OffboardingPages(OffboardingReports reports, UserDirectory users) {
    this.reports = reports;
    this.users = users;
  }

  @GetMapping("/admin/users/{userId}/offboarding")
  String offboarding(@AuthenticationPrincipal Caller caller, @PathVariable String userId,
      @RequestParam(required = false) String done, Model model) {
    OffboardingReport report = reports.of(caller, userId);
    model.addAttribute("person", users.find(UserId.of(report.userId())).orElseThrow(MemberNotFoundException::new));
    model.addAttribute("report", report);
    Map<String, String> vaultNames = new HashMap<>();
    report.vaults().forEach(v -> vaultNames.put(v.vaultId(), v.client() == null ? v.name() : v.client()));
    model.addAttribute("vaultNames", vaultNames);
    model.addAttribute("rotationsDue", report.revealedSeeds().stream().filter(r -> r.rotationDue()).count());
    model.addAttribute("justDisabled", "disabled".equals(done));
    return "admin/offboarding";
  }
}
