package dev.watchword.server.identity;

import dev.watchword.server.web.PageRedirect;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step-up in the browser (RFC 9470's idea, for people): when an action needs a more recent
 * sign-in, the page asks for a fresh code and then goes back to where the person was, so they
 * can finish what they started. Only paths on this server are followed back, never a full URL.
 */
@Controller
@WebPage
class StepUpPages {

  private final SignInService signIn;

  StepUpPages(SignInService signIn) {
    this.signIn = signIn;
  }

  @GetMapping("/me/step-up")
  String form(@RequestParam(name = "continue", required = false) String continueTo, Model model) {
    model.addAttribute("continueTo", localPath(continueTo));
    return "me/step-up";
  }

  @PostMapping("/me/step-up")
  String confirm(@AuthenticationPrincipal Caller caller, @RequestParam String code,
      @RequestParam(name = "continue", required = false) String continueTo, HttpServletRequest request) {
    if (code.length() > 16) {
      throw new SignInFailedException();
    }
    signIn.stepUp(caller, code.strip(), RequestOrigins.of(request));
    return "redirect:" + localPath(continueTo);
  }

  /** A path on this server, or the home page: an open redirect would turn step-up into phishing. */
  static String localPath(String candidate) {
    if (candidate == null || candidate.isBlank() || candidate.length() > 2000) {
      return "/";
    }
    try {
      URI uri = URI.create(candidate);
      String path = uri.getRawPath();
      if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || !path.startsWith("/")
          || path.startsWith("//") || path.contains("\\")) {
        return "/";
      }
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }

  /** Turns "step-up required" on any page into the step-up form, continuing where the person was. */
  @ControllerAdvice(annotations = WebPage.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class StepUpAdvice {

    @ExceptionHandler(StepUpRequiredException.class)
    String stepUp(HttpServletRequest request, HttpServletResponse response, Model model) {
      String from = request.getHeader("HX-Current-URL");
      if (from == null) {
        from = request.getHeader("Referer");
      }
      String continueTo = localPath(from == null ? null : pathOf(from));
      if (PageRedirect.isHtmx(request)) {
        return PageRedirect.to("/me/step-up?continue=" + java.net.URLEncoder.encode(continueTo,
            java.nio.charset.StandardCharsets.UTF_8), request, response);
      }
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      model.addAttribute("continueTo", continueTo);
      return "me/step-up";
    }

    private static String pathOf(String url) {
      try {
        URI uri = URI.create(url);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
      } catch (IllegalArgumentException e) {
        return "/";
      }
    }
  }
}
