package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.policy.InvalidPolicyException;
import dev.watchword.server.policy.PolicyEngine;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.vault.PolicyRuleRepository.StoredRule;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
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

/** API.md's context policy endpoints: managers list, add and remove a vault's CEL rules. */
@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/policies", produces = "application/json")
class PolicyController {

  private final VaultPolicyService policies;

  PolicyController(VaultPolicyService policies) {
    this.policies = policies;
  }

  @GetMapping
  PolicyList listPolicies(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    VaultPolicyService.Policies found = policies.list(caller, PathIds.vault(vaultId));
    return new PolicyList(found.timeZone().getId(), found.rules().stream().map(RuleView::of).toList());
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<RuleView> addPolicy(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody AddRuleRequest body, HttpServletRequest request) {
    StoredRule rule = policies.add(caller, PathIds.vault(vaultId), body.name().strip(), body.expression(),
        RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/vaults/" + vaultId + "/policies/" + rule.rule().id()))
        .body(RuleView.of(rule));
  }

  @DeleteMapping("/{ruleId}")
  ResponseEntity<Void> removePolicy(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String ruleId, HttpServletRequest request) {
    policies.remove(caller, PathIds.vault(vaultId), ruleId, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  /** The zone {@code request.hour} and {@code request.weekday} are read in; UTC until set. */
  @PutMapping(path = "/time-zone", consumes = "application/json")
  TimeZoneView setPolicyTimeZone(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody TimeZoneView body, HttpServletRequest request) {
    VaultId id = PathIds.vault(vaultId);
    ZoneId zone;
    try {
      zone = ZoneId.of(body.timeZone());
    } catch (DateTimeException e) {
      policies.list(caller, id);
      throw new InvalidPolicyException("'timeZone' is not a time zone id such as Europe/Berlin.");
    }
    return new TimeZoneView(policies.setTimeZone(caller, id, zone, RequestOrigins.of(request)).getId());
  }


  record AddRuleRequest(
      @NotBlank @Size(max = 100) @PlainText String name,
      @NotBlank @Size(max = PolicyEngine.MAX_EXPRESSION_LENGTH) String expression) {}

  record RuleView(String id, String name, String expression, Instant createdAt) {
    static RuleView of(StoredRule stored) {
      return new RuleView(stored.rule().id(), stored.rule().name(), stored.rule().expression(), stored.createdAt());
    }
  }

  record PolicyList(String timeZone, List<RuleView> rules) {}

  record TimeZoneView(@NotBlank @Size(max = 64) String timeZone) {}
}
