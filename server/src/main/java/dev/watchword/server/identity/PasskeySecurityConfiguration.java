package dev.watchword.server.identity;

import dev.watchword.server.identity.SignInController.TokensResponse;
import dev.watchword.server.identity.SignInService.CompletedSignIn;
import dev.watchword.server.web.ProblemException;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys through Spring Security's WebAuthn filters, in a chain of their own:
 * {@code POST /webauthn/register/options} and {@code POST /webauthn/register} for a signed-in
 * caller with a recent sign-in (bearer token, step-up), {@code POST /webauthn/authenticate/options}
 * and {@code POST /login/webauthn} for anyone. Between options and finish, an HTTP session holds
 * the ceremony's options and nothing else (the security context is never stored in it); it is
 * invalidated when the ceremony finishes, either way. A completed sign-in answers the same JSON
 * tokens as the other sign-in endpoints (or, for the web UI, sets its session cookies); a failed
 * one the generic 401. An assertion sent as a step-up renews the caller's own session instead.
 */
@Configuration(proxyBeanMethods = false)
class PasskeySecurityConfiguration {

  static final String REGISTER = "/webauthn/register";
  static final String REGISTER_OPTIONS = "/webauthn/register/options";
  static final String AUTHENTICATE_OPTIONS = "/webauthn/authenticate/options";
  static final String LOGIN = "/login/webauthn";

  @Bean
  @Order(2)
  SecurityFilterChain passkeyCeremonies(HttpSecurity http, BearerTokenAuthenticationProvider tokens,
      ProblemAuthenticationEntryPoint problems, StepUp stepUp, PasskeySignIn signIn, JsonMapper json,
      WebSessionCookies cookies, AccessTokens accessTokens, Sessions sessions) throws Exception {
    ProviderManager tokenManager = new ProviderManager(tokens);
    // Spring's provider loads a UserDetails after the assertion; PasskeySignIn has already
    // checked the account, so this only names the principal. Shared, not a bean, so no other
    // chain can sign anyone in with it.
    http.setSharedObject(UserDetailsService.class,
        username -> User.withUsername(username).password("").authorities(List.of()).build());
    http
        .securityMatcher("/webauthn/**", LOGIN)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, REGISTER_OPTIONS, REGISTER).authenticated()
            .requestMatchers(HttpMethod.POST, AUTHENTICATE_OPTIONS, LOGIN).permitAll()
            // Spring's DELETE /webauthn/register/{id} would skip the audit: /api/v1/me/passkeys removes.
            .anyRequest().denyAll())
        // JSON-only endpoints without CSRF protection: an assertion is bound to this origin
        // (WebAuthn §7.2 step 13), so a forged cross-site request cannot complete one.
        .webAuthn(webAuthn -> webAuthn
            // The relying party itself (RP ID, origins, UV required) is the PasskeyRelyingParty bean.
            .disableDefaultRegistrationPage(true)
            .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
              @Override
              public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
                filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
                  PublicKeyCredentialUserEntity entity = (PublicKeyCredentialUserEntity) authentication.getPrincipal();
                  if (cookies.isStepUp(request)) {
                    steppedUp(request, response, entity, signIn, json);
                  } else {
                    signedIn(request, response, entity, signIn, json, cookies);
                  }
                });
                filter.setAuthenticationFailureHandler((request, response, failure) -> refused(request, response,
                    failure, signIn, json));
                return filter;
              }
            }))
        .addFilterAfter(new PasskeyRegistrationGuard(stepUp, problems, json), BearerTokenAuthenticationFilter.class)
        // The caller a step-up is for, kept before the assertion's authentication replaces it.
        .addFilterAfter(CallerBeforeCeremony.FILTER, BearerTokenAuthenticationFilter.class);
    SecurityConfiguration.bearerTokensOnly(http, tokenManager, problems);
    // The web UI registers passkeys with its session cookie, then with the CSRF token; an assertion
    // needs none: it is bound to this origin (WebAuthn §7.2 step 13).
    SecurityConfiguration.orSessionCookie(http, cookies, accessTokens, sessions,
        SecurityConfiguration.posts(HttpMethod.POST, AUTHENTICATE_OPTIONS, LOGIN));
    return http.build();
  }

  private static void signedIn(HttpServletRequest request, HttpServletResponse response,
      PublicKeyCredentialUserEntity entity, PasskeySignIn signIn, JsonMapper json, WebSessionCookies cookies)
      throws IOException {
    endCeremony(request);
    IssuedTokens tokens;
    try {
      tokens = signIn.complete(entity, RequestOrigins.of(request));
    } catch (ProblemException problem) {
      writeProblem(response, problem, json);
      return;
    }
    if (cookies.wantsCookies(request)) {
      // The web UI's script never sees a token: the session lives in HttpOnly cookies.
      cookies.write(response, tokens);
      writeOk(response, java.util.Map.of("status", "SIGNED_IN"), json);
      return;
    }
    writeOk(response, TokensResponse.of(new CompletedSignIn(tokens, null)), json);
  }

  private static void steppedUp(HttpServletRequest request, HttpServletResponse response,
      PublicKeyCredentialUserEntity entity, PasskeySignIn signIn, JsonMapper json) throws IOException {
    endCeremony(request);
    try {
      // The session being stepped up is the one the request was authenticated as: cookie or bearer.
      Caller caller = CallerBeforeCeremony.of(request).orElseThrow(SignInFailedException::new);
      signIn.stepUp(caller, entity, RequestOrigins.of(request));
    } catch (ProblemException problem) {
      writeProblem(response, problem, json);
      return;
    }
    writeOk(response, java.util.Map.of("status", "STEPPED_UP"), json);
  }

  /** A ceremony's answer: never cached, since it may hold tokens. */
  private static void writeOk(HttpServletResponse response, Object body, JsonMapper json) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }

  private static void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure,
      PasskeySignIn signIn, JsonMapper json) throws IOException {
    endCeremony(request);
    if (failure.getCause() instanceof ProblemException audited) {
      writeProblem(response, audited, json);
      return;
    }
    signIn.malformed(RequestOrigins.of(request));
    writeProblem(response, new SignInFailedException(), json);
  }

  /** Forgets the ceremony: its options were single use, and nothing else lives in the session. */
  static void endCeremony(HttpServletRequest request) {
    SecurityContextHolder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** The RFC 9457 answer ProblemDetailsAdvice would give, for code that runs before any controller. */
  static void writeProblem(HttpServletResponse response, ProblemException e, JsonMapper json) throws IOException {
    ProblemDetail problem = e.toProblemDetail();
    response.setStatus(e.status().value());
    e.headers().forEach(response::setHeader);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
