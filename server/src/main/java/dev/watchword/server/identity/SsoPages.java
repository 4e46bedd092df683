package dev.watchword.server.identity;

import dev.watchword.server.web.WebPage;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The single sign-on providers as configured (read-only: they come from the server's settings),
 * for owners and admins. Never shows a client secret, only whether one is set.
 */
@Controller
@WebPage
class SsoPages {

  private final SsoProperties sso;
  private final SsoLinks links;

  SsoPages(SsoProperties sso, SsoLinks links) {
    this.sso = sso;
    this.links = links;
  }

  @GetMapping("/admin/sso")
  String providers(@AuthenticationPrincipal Caller caller, Model model) {
    caller.requireAdministrator();
    Map<String, Long> linked = links.countsByIssuer();
    model.addAttribute("providers", sso.providers().stream()
        .map(p -> new ProviderView(p.id(), p.issuer(), p.clientId(), p.clientSecret() != null
            && !p.clientSecret().isBlank(), p.requiredAmr(), p.requiredAcr(), p.autoProvision(),
            linked.getOrDefault(p.issuer(), 0L)))
        .toList());
    return "admin/sso";
  }

  /** A provider as the page shows it: the secret reduced to whether there is one. */
  record ProviderView(String id, String issuer, String clientId, boolean secretSet, List<String> requiredAmr,
      List<String> requiredAcr, boolean autoProvision, long linkedUsers) {}
}
