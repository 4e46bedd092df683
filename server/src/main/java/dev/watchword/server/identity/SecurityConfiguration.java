package dev.watchword.server.identity;

import dev.watchword.server.web.ContentSecurityPolicy;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;

/**
 * Every {@code /api/v1} request carries a bearer token (or the web UI's session cookie, then
 * with a CSRF token for changes) that is checked against the database; health is public;
 * everything else is denied. No HTTP session is created.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {


  /** Sign-in and setup: reached before any session exists, so a session cookie plays no part. */
  static final String[] PUBLIC_POSTS = {"/api/v1/auth/login", "/api/v1/auth/login/*", "/api/v1/auth/enrol/**",
      "/api/v1/auth/refresh", "/api/v1/auth/sso/redeem", "/api/v1/setup"};

  /**
   * No Micrometer observations of the filter chain, of authentication and of authorization: they
   * wrap each of the chain's filters in an observation and time every token check, on every
   * request, for metrics and traces that nothing reads (only the health endpoint is exposed).
   * Remove this bean to have them back, together with an exporter.
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, BearerTokenAuthenticationProvider tokens,
      ProblemAuthenticationEntryPoint problems, WebSessionCookies cookies, AccessTokens accessTokens,
      Sessions sessions) throws Exception {
    ProviderManager tokenManager = new ProviderManager(tokens);
    http
        .authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
            .requestMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
            .requestMatchers(HttpMethod.GET, "/api/v1/auth/sso/providers", "/v3/api-docs", "/v3/api-docs.yaml")
            .permitAll()
            .requestMatchers(HttpMethod.GET, "/setup", "/setup.html", "/setup.js", "/watchword.css",
                SsoSecurityConfiguration.COMPLETE_PAGE, "/sso-complete.js").permitAll()
            .requestMatchers("/api/v1/**").authenticated()
            .anyRequest().denyAll())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    bearerTokensOnly(http, tokenManager, problems);
    // API.md: a request may carry the web session cookie instead of a bearer token.
    orSessionCookie(http, cookies, accessTokens, sessions, posts(HttpMethod.POST, PUBLIC_POSTS));
    return http.build();
  }

  /**
   * Lets a bearer-token chain also take the web UI's session cookie (only when no
   * {@code Authorization} header came: then the header alone decides). A browser sends the cookie
   * on its own, so a state-changing request that carries it needs the CSRF token too, except the
   * {@code exempt} ones, which no session plays a part in.
   */
  static void orSessionCookie(HttpSecurity http, WebSessionCookies cookies, AccessTokens accessTokens,
      Sessions sessions, RequestMatcher exempt) throws Exception {
    http
        .addFilterBefore(new SessionCookieAuthenticationFilter(cookies, accessTokens, sessions),
            BearerTokenAuthenticationFilter.class)
        .csrf(csrf -> csrf.csrfTokenRepository(WebSecurityConfiguration.csrfCookies())
            .requireCsrfProtectionMatcher(request -> cookieAuthenticatedChange(request, cookies)
                && !exempt.matches(request))
            .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()));
  }

  static RequestMatcher posts(HttpMethod method, String... paths) {
    return new OrRequestMatcher(Arrays.stream(paths)
        .map(path -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(method, path)).toList());
  }

  /** A change that a session cookie would authenticate: a browser may have sent it on its own. */
  private static boolean cookieAuthenticatedChange(HttpServletRequest request, WebSessionCookies cookies) {
    String method = request.getMethod();
    boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    return !safe && !carriesBearerToken(request) && cookies.present(request);
  }

  /**
   * Whether the request names a bearer token: then that token alone decides, and a session cookie
   * beside it is ignored. Other {@code Authorization} schemes (a reverse proxy's Basic credentials,
   * which browsers resend on their own) leave the cookie, and its CSRF check, in charge.
   */
  static boolean carriesBearerToken(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * What every bearer-token chain shares: tokens checked against the database, RFC 9457 answers
   * for 401 and 403, no HTTP session, no form or basic login. Bearer tokens are not sent by
   * browsers on their own, so there is no CSRF to forge; a chain that also takes the session
   * cookie adds its CSRF check with {@link #orSessionCookie}.
   */
  static void bearerTokensOnly(HttpSecurity http, ProviderManager tokenManager,
      ProblemAuthenticationEntryPoint problems) throws Exception {
    http
        .oauth2ResourceServer(resourceServer -> resourceServer
            .authenticationManagerResolver(request -> tokenManager)
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable());
  }
}
