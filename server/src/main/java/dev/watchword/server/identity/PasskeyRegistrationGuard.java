package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * In front of Spring Security's registration filters: adding a passkey changes the caller's
 * factors, a sensitive action, so it needs a bearer token of a live session and a sign-in or
 * step-up within the last 15 minutes (RFC 9470 answer otherwise). Refusals from the ceremony
 * become problems, and the ceremony's HTTP session ends with the finishing request.
 */
final class PasskeyRegistrationGuard extends OncePerRequestFilter {

  private final StepUp stepUp;
  private final ProblemAuthenticationEntryPoint problems;
  private final JsonMapper json;

  PasskeyRegistrationGuard(StepUp stepUp, ProblemAuthenticationEntryPoint problems, JsonMapper json) {
    this.stepUp = stepUp;
    this.problems = problems;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.equals(PasskeySecurityConfiguration.REGISTER)
        && !path.equals(PasskeySecurityConfiguration.REGISTER_OPTIONS);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean finishing = request.getRequestURI().endsWith(PasskeySecurityConfiguration.REGISTER);
    try {
      if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller)) {
        problems.commence(request, response, new InsufficientAuthenticationException("bearer token required"));
        return;
      }
      stepUp.requireRecentAal2(caller.getPrincipal());
      chain.doFilter(request, response);
      // Spring Security answers an unreadable registration body with a bare 400; give it a problem body.
      if (finishing && response.getStatus() == HttpServletResponse.SC_BAD_REQUEST && !response.isCommitted()) {
        response.resetBuffer();
        PasskeySecurityConfiguration.writeProblem(response, new InvalidPasskeyRegistrationException(), json);
      }
    } catch (ProblemException problem) {
      PasskeySecurityConfiguration.writeProblem(response, problem, json);
    } finally {
      if (finishing) {
        PasskeySecurityConfiguration.endCeremony(request);
      }
    }
  }
}
