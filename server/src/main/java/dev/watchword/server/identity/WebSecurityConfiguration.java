package dev.watchword.server.identity;

import dev.watchword.server.web.ContentSecurityPolicy;
import dev.watchword.server.web.PageRedirect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The web UI's pages: authenticated by the session cookies of {@link WebSessionCookies}, checked
 * against the database on every request. Every state-changing request carries a CSRF token
 * (double submit: a {@code __Host-} cookie, unreadable to subdomains, and the form field or the
 * {@code X-CSRF-TOKEN} header htmx sends), on top of SameSite=Strict cookies. The same strict
 * Content-Security-Policy as everywhere: no inline script or style. No HTTP session is created.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  static final String CSRF_COOKIE = "__Host-watchword-csrf";
  static final String CSRF_HEADER = "X-CSRF-TOKEN";
  static final String SIGN_IN_PAGE = "/signin";

  /** The page paths; everything else belongs to the API's chains. */
  static final String[] PAGES = {"/", "/signin", "/signin/**", "/signout", "/search", "/vaults/**", "/approvals/**",
      "/requests/**", "/admin/**", "/me/**", "/assets/**", "/webjars/**", "/favicon.ico"};

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, WebSessionCookies cookies, AccessTokens accessTokens,
      Sessions sessions) throws Exception {
    http
        .securityMatcher(PAGES)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
            .requestMatchers(SIGN_IN_PAGE, SIGN_IN_PAGE + "/**").permitAll()
            .anyRequest().authenticated())
        .addFilterAfter(new SessionCookieAuthenticationFilter(cookies, accessTokens, sessions), CsrfFilter.class)
        .csrf(csrf -> csrf.csrfTokenRepository(csrfCookies())
            // Each request authenticates afresh from its cookie; rotating the token on every one of
            // them (Spring's default for a new authentication) would break every open form. A
            // __Host- cookie cannot be planted by a subdomain, so there is no fixation to undo.
            .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint((request, response, e) -> toSignIn(request, response))
            .accessDeniedHandler((request, response, e) -> refused(response)))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .sessionManagement(management -> management.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable());
    return http.build();
  }

  static CookieCsrfTokenRepository csrfCookies() {
    CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
    repository.setCookieName(CSRF_COOKIE);
    repository.setCookiePath("/");
    repository.setHeaderName(CSRF_HEADER);
    repository.setCookieCustomizer(cookie -> cookie.secure(true).httpOnly(true).sameSite("Strict"));
    return repository;
  }

  /**
   * A page needs a signed-in user: the browser goes to the sign-in page, and an htmx request
   * (which would otherwise swap the sign-in page into a fragment) is told to go there.
   */
  static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (PageRedirect.isHtmx(request)) {
      response.setHeader("HX-Redirect", SIGN_IN_PAGE);
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    response.sendRedirect(SIGN_IN_PAGE);
  }

  private static void refused(HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
