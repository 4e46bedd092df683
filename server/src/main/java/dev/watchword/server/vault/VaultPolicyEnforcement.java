package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.policy.PolicyDecision;
import dev.watchword.server.policy.PolicyDeniedException;
import dev.watchword.server.policy.RuleSet;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The policy enforcement point of every vault route (NIST SP 800-207's PEP): before the handler
 * runs, the organisation's and the vault's context policies are evaluated for the caller, the
 * route's {@link VaultAction} and, when the path names one, the entry.
 *
 * <p>Guarantees: isolation comes first: a vault the caller may not see (or a malformed id) is left
 * to the handler, which answers 404 exactly as for a missing vault, so a policy never confirms
 * that a vault or entry exists; an entry id that is not in this vault is evaluated as a request
 * about the vault alone, like a missing one. A refusal is audited as a denial of the route's
 * action, naming the deciding rule ({@code policy:<name>}), in a transaction of its own, and
 * answers 403 {@code policy-denied} naming only that rule. A permit is audited as {@code
 * policy.allow} ({@code action=<route's action>}, the number of rules that held) before the
 * handler runs ({@link PolicyPermits}); a handler that audits its action records it too. Nothing
 * is read beyond the two rule sets when neither has a rule. A vault route whose handler names no
 * action is refused (fail closed).
 */
@Component
class VaultPolicyEnforcement implements HandlerInterceptor {

  /** The audit action of a request the rules allowed; its detail names the route's action. */
  static final String ALLOWED = "policy.allow";

  private final VaultService vaults;
  private final EntryRepository entries;
  private final VaultPolicyService policies;
  private final AuditedRefusals refusals;
  private final PolicyPermits permits;

  VaultPolicyEnforcement(VaultService vaults, EntryRepository entries, VaultPolicyService policies,
      AuditedRefusals refusals, PolicyPermits permits) {
    this.vaults = vaults;
    this.entries = entries;
    this.policies = policies;
    this.refusals = refusals;
    this.permits = permits;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Map<String, String> path = pathVariables(request);
    if (!(handler instanceof HandlerMethod method) || !path.containsKey("vaultId")) {
      return true;
    }
    VaultAction action = method.getMethodAnnotation(VaultAction.class);
    if (action == null) {
      throw new IllegalStateException("Vault route without @VaultAction: " + method.getShortLogMessage());
    }
    Optional<VaultId> vaultId = VaultId.parse(path.get("vaultId"));
    Caller caller = caller();
    if (action.evaluatedByService() || vaultId.isEmpty() || caller == null) {
      return true;
    }
    VaultAccess access = vaults.access(caller, vaultId.get());
    List<RuleSet> sets = access.ruleSets();
    if (VaultPolicyService.isEmpty(sets)) {
      return true;
    }
    Optional<Vault> vault = access.visible();
    if (vault.isEmpty()) {
      return true;
    }
    Entry entry = Optional.ofNullable(path.get("entryId")).flatMap(EntryId::parse)
        .flatMap(id -> entries.find(vaultId.get(), id)).orElse(null);
    RequestOrigin origin = RequestOrigins.of(request);
    PolicyDecision decision = policies.decide(sets, caller, vault.get(), entry, action.value(), origin);
    if (!decision.allowed()) {
      PolicyDeniedException refused = new PolicyDeniedException(decision.deciding().name());
      refusals.record(new AuditEvent(caller.id(), caller.username(), action.value(), vaultId.get(),
          entry == null ? null : entry.id(), Decision.DENY, null, origin, refused.getMessage())
          .withRule(refused.auditRule()));
      throw refused;
    }
    // The permit is part of the trail too: who did what on the vault with which rules holding.
    permits.record(new AuditEvent(caller.id(), caller.username(), ALLOWED, vaultId.get(),
        entry == null ? null : entry.id(), Decision.ALLOW, null, origin, "action=" + action.value())
        .withRule(decision.allowingRule()));
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> pathVariables(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
  }

  private static Caller caller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
  }
}
