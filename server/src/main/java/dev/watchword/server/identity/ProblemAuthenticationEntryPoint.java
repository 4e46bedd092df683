package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemResponseWriter;
import dev.watchword.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 as RFC 9457 problems. The {@code WWW-Authenticate} header follows RFC 6750 §3; the
 * body says only that authentication failed, never why (the why is not the caller's business).
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemResponseWriter problems;

  ProblemAuthenticationEntryPoint(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    // Written here rather than by Spring's entry point, which reflects the Host header into it.
    boolean tokenGiven = request.getHeader("Authorization") != null;
    response.setHeader("WWW-Authenticate", tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
    problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
        "A valid bearer token is required."));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "You may not do this."));
  }
}
