package dev.watchword.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The web UI's side of {@link ProblemDetailsAdvice}: the same domain failures, told to a person.
 * A problem's title and detail are written for the caller and never hold a secret, so the page
 * shows them as they are. An htmx request gets the message as a fragment for its target.
 */
@ControllerAdvice(annotations = WebPage.class)
// After the features' own page advice (step-up, for one), before the API's problem advice.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageProblemAdvice {

  @ExceptionHandler(ProblemException.class)
  String problem(ProblemException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    e.headers().forEach(response::setHeader);
    return render(e.status(), e.title(), e.getMessage(), request, response, model);
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
      HandlerMethodValidationException.class})
  String badForm(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
    return render(HttpStatus.BAD_REQUEST, "Check the form", "A field of the form is missing or not valid.",
        request, response, model);
  }

  /** As {@link ProblemDetailsAdvice#storeFailure}: nothing was changed or released. */
  @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class,
      TransactionSystemException.class})
  String storeFailure(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
    ProblemDetail problem = ProblemDetailsAdvice.storeFailure(e);
    HttpStatus status = HttpStatus.valueOf(problem.getStatus());
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader(HttpHeaders.RETRY_AFTER, ProblemDetailsAdvice.RETRY_AFTER_SECONDS);
    }
    return render(status, problem.getTitle(), problem.getDetail(), request, response, model);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
    return render(HttpStatus.CONTENT_TOO_LARGE, "File too large", "The file is larger than Watchword accepts.",
        request, response, model);
  }

  static String render(HttpStatus status, String title, String detail, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    response.setStatus(status.value());
    model.addAttribute("problemTitle", title);
    model.addAttribute("problemDetail", detail);
    if (PageRedirect.isHtmx(request)) {
      // htmx swaps only 2xx answers by default; the problem fragment must reach its target.
      response.setStatus(HttpStatus.OK.value());
      response.setHeader("HX-Reswap", "innerHTML");
      return "fragments :: problem";
    }
    return "problem";
  }
}
