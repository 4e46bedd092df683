package dev.watchword.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;

/**
 * Answers errors that the servlet container detects before any controller runs (a malformed
 * URL, a filter's failure, a body over the size limit) with a problem instead of Spring Boot's
 * default error JSON: {@code application/problem+json} for the API, the problem page (or, for
 * htmx, its fragment) for a page of the web UI.
 */
@Controller
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Without an error status the path was requested directly: there is nothing here.
    HttpStatus status = code == null ? HttpStatus.NOT_FOUND
        : code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    String detail = status == HttpStatus.CONTENT_TOO_LARGE ? "The request or its file is larger than Watchword accepts."
        : status.is5xxServerError() ? "The server could not complete the request."
        : status.getReasonPhrase() + ".";
    if (isPage(request)) {
      // The security chain writes no headers on an error dispatch; a page needs them all the same.
      response.setHeader("Content-Security-Policy", ContentSecurityPolicy.DIRECTIVES);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "same-origin"); // as the pages' chain
      response.setHeader("Cache-Control", "no-store");
      return PageProblemAdvice.render(status, status.getReasonPhrase(), detail, request, response, model);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, StandardProblemTypes.slugFor(status), status.getReasonPhrase(), detail));
  }

  /** A request of the web UI: not the API's, and from a browser that wants a page. */
  private static boolean isPage(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String accept = request.getHeader("Accept");
    return uri instanceof String path && !path.startsWith("/api/") && !path.startsWith("/actuator/")
        && (PageRedirect.isHtmx(request) || (accept != null && accept.contains("text/html")));
  }
}
