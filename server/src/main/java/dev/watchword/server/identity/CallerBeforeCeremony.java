package dev.watchword.server.identity;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Keeps the caller a request was authenticated as (bearer token or session cookie) on the request,
 * before a WebAuthn assertion's own authentication replaces the security context: a step-up
 * renews that caller's session, and must not look the token up again.
 */
final class CallerBeforeCeremony {

  private static final String ATTRIBUTE = CallerBeforeCeremony.class.getName();

  static final Filter FILTER = (request, response, chain) -> {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof CallerAuthentication signedIn) {
      request.setAttribute(ATTRIBUTE, signedIn.getPrincipal());
    }
    chain.doFilter(request, response);
  };

  private CallerBeforeCeremony() {}

  static Optional<Caller> of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
  }
}
