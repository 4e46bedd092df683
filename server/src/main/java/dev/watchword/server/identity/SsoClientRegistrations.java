package dev.watchword.server.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The configured OpenID providers as Spring Security client registrations, built from each
 * issuer's discovery document on first use (so a provider that is down at start-up does not
 * stop the server) and cached after. Authorization code flow with PKCE (RFC 7636, S256) always,
 * for confidential clients too.
 */
@Component
class SsoClientRegistrations implements ClientRegistrationRepository {

  static final String CALLBACK_BASE = "/api/v1/auth/sso/callback";
  private static final Logger log = LoggerFactory.getLogger(SsoClientRegistrations.class);

  private final SsoProperties properties;
  private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

  SsoClientRegistrations(SsoProperties properties) {
    this.properties = properties;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    ClientRegistration cached = discovered.get(registrationId);
    if (cached != null) {
      return cached;
    }
    return provider(registrationId).map(this::discover).orElse(null);
  }

  Optional<SsoProperties.Provider> provider(String id) {
    return properties.providers().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private ClientRegistration discover(SsoProperties.Provider provider) {
    try {
      ClientRegistration registration = ClientRegistrations.fromIssuerLocation(provider.issuer())
          .registrationId(provider.id())
          .clientId(provider.clientId())
          .clientSecret(provider.clientSecret())
          .scope("openid", "profile", "email")
          .redirectUri("{baseUrl}" + CALLBACK_BASE + "/{registrationId}")
          .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
          .build();
      discovered.put(provider.id(), registration);
      return registration;
    } catch (RuntimeException e) {
      log.warn("Identity provider {} ({}) is not reachable: {}", provider.id(), provider.issuer(), e.getMessage());
      return null;
    }
  }
}
