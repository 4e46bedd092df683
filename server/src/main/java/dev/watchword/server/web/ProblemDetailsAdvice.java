package dev.watchword.server.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become RFC 9457 problems. Spring MVC's own failures keep its
 * standard problem shape with a stable {@code type}; domain failures carry theirs; anything
 * unexpected is a generic 500 whose detail says nothing, with the cause in the log.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> handleDomain(ProblemException e) {
    ProblemDetail problem = e.toProblemDetail();
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    e.headers().forEach((name, value) -> response.header(name, value));
    return response.body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
        "Invalid parameter", "Parameter '" + e.getName() + "' has an invalid value."));
  }

  /**
   * The database failed or is unreachable (a statement failed, no transaction could begin, or the
   * commit failed). Any audit event of the request was rolled back with it, so nothing was
   * released; the client may retry once the store is back.
   */
  @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class,
      TransactionSystemException.class})
  ResponseEntity<ProblemDetail> handleStoreFailure(Exception e) {
    return withRetryAfter(storeFailure(e));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
    return ResponseEntity.internalServerError().body(unexpected(e));
  }

  /**
   * The problem for a store failure, logged; a broken constraint is a bug, not an outage, so it is
   * the generic 500. The pages tell it the same way ({@link PageProblemAdvice}).
   */
  static ProblemDetail storeFailure(Exception e) {
    if (e instanceof DataIntegrityViolationException) {
      return unexpected(e);
    }
    log.error("Store failure; the request was rolled back", e);
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
        "The store is unavailable; nothing was changed or released. Try again shortly.");
  }

  /** The generic 500, whose detail says nothing; the cause goes to the log. */
  static ProblemDetail unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "The server could not complete the request.");
  }

  /** A 503 asks the client to come back in {@value #RETRY_AFTER_SECONDS} seconds. */
  static ResponseEntity<ProblemDetail> withRetryAfter(ProblemDetail problem) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response.body(problem);
  }

  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (RequestSizeLimitFilter.causedByLimit(e)) {
      return handleExceptionInternal(e, RequestSizeLimitFilter.tooLarge(), headers, HttpStatus.CONTENT_TOO_LARGE,
          request);
    }
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
        JsonErrorDescriber.describe(e));
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Spring's own detail names the static resource path it looked for; say only "not found". */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.");
    return handleExceptionInternal(e, problem, headers, HttpStatus.NOT_FOUND, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = e.getBindingResult().getFieldErrors().stream()
        .map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
        .sorted()
        .reduce((a, b) -> a + "; " + b)
        .orElse("The request is not valid.");
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail + ".");
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(Problems.type(StandardProblemTypes.slugFor(status)));
    }
    return super.createResponseEntity(body, headers, status, request);
  }
}
