package dev.watchword.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that the servlet container detects before any controller runs (a malformed
 * URL, a filter's failure) with a problem instead of Spring Boot's default error JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Without an error status the path was requested directly: there is nothing here.
    HttpStatus status = code == null ? HttpStatus.NOT_FOUND
        : code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    String detail = status.is5xxServerError()
        ? "The server could not complete the request."
        : status.getReasonPhrase() + ".";
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, StandardProblemTypes.slugFor(status), status.getReasonPhrase(), detail));
  }
}
