package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a leaver could reach and which seeds they took: every vault they were ever a member of,
 * and every seed they revealed, with whether it has been rotated since. Owners and admins only.
 */
@RestController
class OffboardingReportController {

  private final OffboardingReports reports;

  OffboardingReportController(OffboardingReports reports) {
    this.reports = reports;
  }

  @GetMapping(path = "/api/v1/users/{userId}/offboarding-report", produces = "application/json")
  OffboardingReport report(@AuthenticationPrincipal Caller caller, @PathVariable String userId) {
    return reports.of(caller, userId);
  }
}
