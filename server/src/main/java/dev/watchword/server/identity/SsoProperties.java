package dev.watchword.server.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OpenID Connect providers, any number, each by issuer URL, e.g.
 * {@code watchword.sso.providers[0].id=corp}, {@code ...issuer=https://idp.example/realms/corp}.
 *
 * @param providers the configured providers; empty means no single sign-on
 */
@ConfigurationProperties("watchword.sso")
record SsoProperties(List<Provider> providers) {

  SsoProperties {
    providers = providers == null ? List.of() : List.copyOf(providers);
  }

  /**
   * One provider.
   *
   * @param id the short name in URLs ({@code /api/v1/auth/sso/start/{id}})
   * @param issuer the issuer URL; its discovery document supplies the endpoints
   * @param requiredAmr if not empty, the ID token's {@code amr} must contain one of these (e.g.
   *     {@code mfa}, {@code otp}, {@code hwk}) for the sign-in to count as multi-factor;
   *     otherwise the user completes a local factor
   * @param requiredAcr if not empty, the ID token's {@code acr} must be one of these
   * @param autoProvision create a member on a first sign-in with no linked user
   */
  record Provider(String id, String issuer, String clientId, String clientSecret, List<String> requiredAmr,
      List<String> requiredAcr, boolean autoProvision) {

    Provider {
      requiredAmr = requiredAmr == null ? List.of() : List.copyOf(requiredAmr);
      requiredAcr = requiredAcr == null ? List.of() : List.copyOf(requiredAcr);
    }

    /** True when the provider's own sign-in satisfies the required strength on its own. */
    boolean acceptsAsMultiFactor(List<String> amr, String acr) {
      if (requiredAmr.isEmpty() && requiredAcr.isEmpty()) {
        return false;
      }
      boolean amrOk = requiredAmr.isEmpty() || amr.stream().anyMatch(requiredAmr::contains);
      boolean acrOk = requiredAcr.isEmpty() || (acr != null && requiredAcr.contains(acr));
      return amrOk && acrOk;
    }

    @Override
    public String toString() {
      return "Provider[" + id + ", " + issuer + "]";
    }
  }
}
