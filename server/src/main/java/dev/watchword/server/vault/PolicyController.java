package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.policy.PolicyBodies.AddRuleRequest;
import dev.watchword.server.policy.PolicyBodies.PolicyList;
import dev.watchword.server.policy.PolicyBodies.RuleView;
import dev.watchword.server.policy.PolicyBodies.TimeZoneView;
import dev.watchword.server.policy.StoredRule;
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

/** A vault's context policies: managers list, add and remove its CEL rules and set its policy time zone. */
@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/policies", produces = "application/json")
class PolicyController {

  private final VaultPolicyService policies;

  PolicyController(VaultPolicyService policies) {
    this.policies = policies;
  }

  @GetMapping
  @VaultAction("policy.list")
  PolicyList listPolicies(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    VaultPolicyService.Policies found = policies.list(caller, PathIds.vault(vaultId));
    return PolicyList.of(found.timeZone(), found.rules());
  }

  @PostMapping(consumes = "application/json")
  @VaultAction("policy.add")
  ResponseEntity<RuleView> addPolicy(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody AddRuleRequest body, HttpServletRequest request) {
    StoredRule rule = policies.add(caller, PathIds.vault(vaultId), body.name().strip(), body.expression(),
        RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/vaults/" + vaultId + "/policies/" + rule.rule().id()))
        .body(RuleView.of(rule));
  }

  @DeleteMapping("/{ruleId}")
  @VaultAction(VaultPolicyService.REMOVE)
  ResponseEntity<Void> removePolicy(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String ruleId, HttpServletRequest request) {
    policies.remove(caller, PathIds.vault(vaultId), ruleId, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  /** The zone {@code request.hour} and {@code request.weekday} are read in; UTC until set. */
  @PutMapping(path = "/time-zone", consumes = "application/json")
  @VaultAction("policy.timezone")
  TimeZoneView setPolicyTimeZone(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody TimeZoneView body, HttpServletRequest request) {
    return new TimeZoneView(policies.setTimeZone(caller, PathIds.vault(vaultId), body.timeZone(),
        RequestOrigins.of(request)).getId());
  }
}
