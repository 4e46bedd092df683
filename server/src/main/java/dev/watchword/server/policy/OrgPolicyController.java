package dev.watchword.server.policy;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.policy.PolicyBodies.AddRuleRequest;
import dev.watchword.server.policy.PolicyBodies.PolicyList;
import dev.watchword.server.policy.PolicyBodies.RuleView;
import dev.watchword.server.policy.PolicyBodies.TimeZoneView;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organisation-wide context policies, the same shape as a vault's: owners and admins only. */
@RestController
@RequestMapping(path = "/api/v1/policies", produces = "application/json")
class OrgPolicyController {

  private final OrgPolicyService policies;

  OrgPolicyController(OrgPolicyService policies) {
    this.policies = policies;
  }

  @GetMapping
  PolicyList listOrgPolicies(@AuthenticationPrincipal Caller caller) {
    OrgPolicyService.Listing found = policies.list(caller);
    return PolicyList.of(found.zone(), found.rules());
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<RuleView> addOrgPolicy(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AddRuleRequest body,
      HttpServletRequest request) {
    StoredRule rule = policies.add(caller, body.name().strip(), body.expression(), RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/policies/" + rule.rule().id())).body(RuleView.of(rule));
  }

  @DeleteMapping("/{ruleId}")
  ResponseEntity<Void> removeOrgPolicy(@AuthenticationPrincipal Caller caller, @PathVariable String ruleId,
      HttpServletRequest request) {
    policies.remove(caller, ruleId, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  /** The zone organisation-wide rules read {@code request.hour} and {@code request.weekday} in. */
  @PutMapping(path = "/time-zone", consumes = "application/json")
  TimeZoneView setOrgPolicyTimeZone(@AuthenticationPrincipal Caller caller, @Valid @RequestBody TimeZoneView body,
      HttpServletRequest request) {
    return new TimeZoneView(policies.setTimeZone(caller, body.timeZone(), RequestOrigins.of(request)).getId());
  }
}
