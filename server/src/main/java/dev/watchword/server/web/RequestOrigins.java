package dev.watchword.server.web;

import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads where a request came from, for the audit. */
public final class RequestOrigins {

  private RequestOrigins() {}

  /**
   * The client address as the servlet container reports it: behind a proxy, configure
   * {@code server.forward-headers-strategy} so that only the trusted proxy's header counts.
   */
  public static RequestOrigin of(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT), currentSession());
  }

  private static String currentSession() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Actor actor
        ? actor.sessionId() : null;
  }
}
