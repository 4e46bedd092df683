package dev.watchword.server.policy;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.web.PageRedirect;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation's policy page for owners and admins: the organisation-wide CEL rules that every
 * vault request must pass, through the same service as {@code /api/v1/policies} (validated when
 * saved, with the compiler's message; every change audited).
 */
@Controller
@WebPage
@Validated
class OrgPolicyPages {

  private static final String PAGE = "/admin/policies";

  private final OrgPolicyService policies;

  OrgPolicyPages(OrgPolicyService policies) {
    this.policies = policies;
  }

  @GetMapping(PAGE)
  String page(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String done, Model model) {
    model.addAttribute("listing", policies.list(caller));
    model.addAttribute("scope", "Organisation-wide rules apply to every request on every vault, before each vault's"
        + " own rules. A rule that refuses everything locks every vault: limit rules with request.action or"
        + " resource.vaultId where you can.");
    model.addAttribute("notice", switch (done == null ? "" : done) {
      case "added" -> "Rule added.";
      case "removed" -> "Rule removed.";
      case "time-zone" -> "Time zone saved.";
      default -> null;
    });
    return "admin/policies";
  }

  @PostMapping(PAGE)
  String add(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
      @RequestParam(required = false) String expression, HttpServletRequest request, HttpServletResponse response) {
    policies.add(caller, name, expression, RequestOrigins.of(request));
    return PageRedirect.to(PAGE + "?done=added", request, response);
  }

  @PostMapping(PAGE + "/{ruleId}/remove")
  String remove(@AuthenticationPrincipal Caller caller, @PathVariable String ruleId, HttpServletRequest request,
      HttpServletResponse response) {
    policies.remove(caller, ruleId, RequestOrigins.of(request));
    return PageRedirect.to(PAGE + "?done=removed", request, response);
  }

  @PostMapping(PAGE + "/time-zone")
  String timeZone(@AuthenticationPrincipal Caller caller, @RequestParam @NotBlank @Size(max = 64) String timeZone,
      HttpServletRequest request, HttpServletResponse response) {
    policies.setTimeZone(caller, timeZone.strip(), RequestOrigins.of(request));
    return PageRedirect.to(PAGE + "?done=time-zone", request, response);
  }
}
