package dev.watchword.server.identity;

import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser leg of single sign-on: {@code /api/v1/auth/sso/start/{provider}} redirects to the
 * provider; its callback lands on {@code /api/v1/auth/sso/callback/{provider}}. A short-lived
 * HTTP session holds the state, nonce and PKCE verifier in between and is discarded at the end;
 * the browser then lands on {@code /sso-complete.html} with a one-time handoff code in the URL
 * fragment, which the client redeems for tokens ({@code POST /api/v1/auth/sso/redeem}).
 */
@Configuration(proxyBeanMethods = false)
class SsoSecurityConfiguration {

  static final String COMPLETE_PAGE = "/sso-complete.html";

  @Bean
  @Order(1)
  SecurityFilterChain sso(HttpSecurity http, SsoClientRegistrations registrations, SsoSignInService ssoSignIn)
      throws Exception {
    http
        .securityMatcher("/api/v1/auth/sso/start/**", SsoClientRegistrations.CALLBACK_BASE + "/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .oauth2Login(login -> login
            .clientRegistrationRepository(registrations)
            .authorizationEndpoint(endpoint -> endpoint.baseUri("/api/v1/auth/sso/start"))
            .redirectionEndpoint(endpoint -> endpoint.baseUri(SsoClientRegistrations.CALLBACK_BASE + "/*"))
            .successHandler((request, response, authentication) ->
                handOff(request, response, authentication, ssoSignIn))
            .failureHandler((request, response, failure) -> finish(request, response, "#error=sso_failed")))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  private static void handOff(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
      SsoSignInService ssoSignIn) throws IOException {
    OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
    String fragment;
    try {
      String code = ssoSignIn.complete(token.getAuthorizedClientRegistrationId(), (OidcUser) token.getPrincipal(),
          RequestOrigins.of(request));
      fragment = "#handoff=" + code;
    } catch (SsoRefusedException refused) {
      fragment = "#error=access_denied";
    }
    finish(request, response, fragment);
  }

  /** Forgets the provider's sign-in in this server's memory: the handoff code is all that remains. */
  private static void finish(HttpServletRequest request, HttpServletResponse response, String fragment)
      throws IOException {
    SecurityContextHolder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(COMPLETE_PAGE + fragment);
  }
}
