package dev.watchword.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a web page request from its session cookies, against the database, on every
 * request: a revoked session, a disabled user or an expired token is refused on the next page
 * load or click, on every node. When only the access token has run out, the refresh token renews
 * it (and is rotated) within the session's absolute and idle limits.
 */
final class SessionCookieAuthenticationFilter extends OncePerRequestFilter {

  /**
   * Where the async dispatch that completes a streamed response (an audit export) finds the
   * caller: it skips this filter, and the cookies must not be checked and renewed twice.
   */
  private static final SecurityContextRepository THIS_REQUEST = new RequestAttributeSecurityContextRepository();

  private final WebSessionCookies cookies;
  private final AccessTokens accessTokens;
  private final Sessions sessions;

  SessionCookieAuthenticationFilter(WebSessionCookies cookies, AccessTokens accessTokens, Sessions sessions) {
    this.cookies = cookies;
    this.accessTokens = accessTokens;
    this.sessions = sessions;
  }

  /**
   * Not for a request that names a bearer token (that token alone decides, and a cookie beside it
   * is neither looked up nor trusted), nor for static files, which need no session and would
   * otherwise cost a token lookup each.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return SecurityConfiguration.carriesBearerToken(request) || path.startsWith("/assets/")
        || path.startsWith("/webjars/") || path.equals("/favicon.ico");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = cookies.access(request).flatMap(accessTokens::authenticate)
        .or(() -> renewed(request, response));
    if (caller.isPresent()) {
      var context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(new CallerAuthentication(caller.get()));
      SecurityContextHolder.setContext(context);
      THIS_REQUEST.saveContext(context, request, response);
    } else if (cookies.access(request).isPresent()) {
      // Only the access cookie: a renew cookie that lost a race with a parallel request's renewal
      // must not erase the fresh cookies that request is setting (sign-out clears both).
      cookies.clearAccess(response);
    }
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private Optional<Caller> renewed(HttpServletRequest request, HttpServletResponse response) {
    return cookies.renewal(request).flatMap(sessions::refresh).flatMap(tokens -> {
      cookies.write(response, tokens);
      return accessTokens.authenticate(tokens.accessToken());
    });
  }
}
