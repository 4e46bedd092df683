package dev.watchword.server.identity;

import dev.watchword.otp.OtpauthUri;
import dev.watchword.server.identity.SignInService.CompletedSignIn;
import dev.watchword.server.identity.SignInService.PasswordOutcome;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in in the browser: username and password, then a TOTP code, a recovery code or a passkey;
 * a user without a second factor enrols one first. Between the steps the challenge lives in an
 * HttpOnly cookie, never in the page. A completed sign-in sets the session cookies and lands on
 * the codes page. Failures read exactly like the API's: one message for every reason.
 */
@Controller
@WebPage
class SignInPages {

  static final String HOME = "/";

  private final SignInService signIn;
  private final WebSessionCookies cookies;
  private final Sessions sessions;
  private final SsoProperties sso;

  SignInPages(SignInService signIn, WebSessionCookies cookies, Sessions sessions, SsoProperties sso) {
    this.signIn = signIn;
    this.cookies = cookies;
    this.sessions = sessions;
    this.sso = sso;
  }

  @GetMapping(WebSecurityConfiguration.SIGN_IN_PAGE)
  String form(@AuthenticationPrincipal Caller caller, Model model, HttpServletRequest request) {
    if (caller != null) {
      return "redirect:" + HOME;
    }
    model.addAttribute("providers", sso.providers().stream().map(SsoProperties.Provider::id).toList());
    model.addAttribute("insecure", !request.isSecure() && !isLoopback(request.getServerName()));
    return "signin/password";
  }

  @PostMapping(WebSecurityConfiguration.SIGN_IN_PAGE)
  String password(@RequestParam String username, @RequestParam String password, HttpServletRequest request,
      HttpServletResponse response) {
    if (username.length() > 256 || password.length() > 1024) {
      throw new SignInFailedException();
    }
    PasswordOutcome outcome = signIn.password(username, password, RequestOrigins.of(request));
    cookies.writeChallenge(response, outcome.challenge());
    return "ENROLMENT_REQUIRED".equals(outcome.status()) ? "redirect:/signin/enrol" : "redirect:/signin/verify";
  }

  @GetMapping("/signin/verify")
  String secondFactor(HttpServletRequest request) {
    return cookies.challenge(request).isPresent() ? "signin/verify" : "redirect:" + WebSecurityConfiguration.SIGN_IN_PAGE;
  }

  @PostMapping("/signin/totp")
  String totp(@RequestParam String code, HttpServletRequest request, HttpServletResponse response) {
    return completed(signIn.totp(challenge(request), bounded(code), RequestOrigins.of(request)), response);
  }

  @PostMapping("/signin/recovery")
  String recovery(@RequestParam String code, HttpServletRequest request, HttpServletResponse response) {
    return completed(signIn.recoveryCode(challenge(request), bounded(code), RequestOrigins.of(request)), response);
  }

  @GetMapping("/signin/enrol")
  String enrol(HttpServletRequest request, Model model) {
    String uri = signIn.beginTotpEnrolment(challenge(request));
    model.addAttribute("qr", EnrolmentQr.dataUri(uri));
    model.addAttribute("secret", grouped(OtpauthUri.parse(uri).secret().toBase32()));
    return "signin/enrol";
  }

  @PostMapping("/signin/enrol")
  String confirmEnrolment(@RequestParam String code, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    CompletedSignIn done = signIn.confirmTotpEnrolment(challenge(request), bounded(code), RequestOrigins.of(request));
    completed(done, response);
    model.addAttribute("recoveryCodes", done.recoveryCodes() == null ? List.of() : done.recoveryCodes());
    return "signin/recovery-codes";
  }

  /** Ends this browser's session everywhere at once: its tokens die on the next request. */
  @PostMapping("/signout")
  String signOut(@AuthenticationPrincipal Caller caller, HttpServletResponse response) {
    if (caller != null && caller.sessionId() != null) {
      sessions.end(caller.id(), caller.sessionId());
    }
    cookies.clear(response);
    return "redirect:" + WebSecurityConfiguration.SIGN_IN_PAGE;
  }

  private String completed(CompletedSignIn done, HttpServletResponse response) {
    cookies.clearChallenge(response);
    cookies.write(response, done.tokens());
    return "redirect:" + HOME;
  }

  private String challenge(HttpServletRequest request) {
    return cookies.challenge(request).orElseThrow(SignInFailedException::new);
  }

  private static String bounded(String code) {
    if (code.length() > 64) {
      throw new SignInFailedException();
    }
    return code.strip();
  }

  /** The secret for typing by hand, in groups of four as authenticator apps show them. */
  private static String grouped(String base32) {
    return base32.replaceAll("(.{4})(?!$)", "$1 ");
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
  }
}
