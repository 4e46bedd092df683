package dev.watchword.server.web;

import dev.watchword.server.shared.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** Reads where a request came from, for the audit. */
public final class RequestOrigins {

  private RequestOrigins() {}

  /**
   * The client address as the servlet container reports it: behind a proxy, configure
   * {@code server.forward-headers-strategy} so that only the trusted proxy's header counts.
   */
  public static RequestOrigin of(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
  }
}
