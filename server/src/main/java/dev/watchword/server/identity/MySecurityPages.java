package dev.watchword.server.identity;

import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "My security": the caller's passkeys, authenticator app, recovery codes and sessions. Changes to
 * factors go through {@link MyFactors}, so they need a recent sign-in (the step-up page asks for
 * it) and are audited exactly as through the API.
 */
@Controller
@WebPage
class MySecurityPages {

  private final Passkeys passkeys;
  private final TotpFactor totp;
  private final RecoveryCodes recoveryCodes;
  private final Sessions sessions;
  private final MyFactors factors;
  private final WebSessionCookies cookies;

  MySecurityPages(Passkeys passkeys, TotpFactor totp, RecoveryCodes recoveryCodes, Sessions sessions,
      MyFactors factors, WebSessionCookies cookies) {
    this.passkeys = passkeys;
    this.totp = totp;
    this.recoveryCodes = recoveryCodes;
    this.sessions = sessions;
    this.factors = factors;
    this.cookies = cookies;
  }

  @GetMapping("/me/security")
  String overview(@AuthenticationPrincipal Caller caller, Model model) {
    model.addAttribute("passkeys", passkeys.list(caller.id()));
    model.addAttribute("totpEnrolled", totp.isEnrolled(caller.id()));
    model.addAttribute("recoveryCodesLeft", recoveryCodes.remaining(caller.id()));
    model.addAttribute("sessions", sessions.listLive(caller.id()));
    return "me/security";
  }

  @PostMapping("/me/passkeys/{passkeyId}/remove")
  String removePasskey(@AuthenticationPrincipal Caller caller, @PathVariable String passkeyId,
      HttpServletRequest request) {
    factors.removePasskey(caller, passkeyId, RequestOrigins.of(request));
    return "redirect:/me/security";
  }

  @PostMapping("/me/recovery-codes")
  String regenerateRecoveryCodes(@AuthenticationPrincipal Caller caller, HttpServletRequest request, Model model) {
    model.addAttribute("recoveryCodes", factors.regenerateRecoveryCodes(caller, RequestOrigins.of(request)));
    return "signin/recovery-codes";
  }

  /** Ends one of the caller's sessions; ending this browser's own signs it out. */
  @PostMapping("/me/sessions/{sessionId}/end")
  String endSession(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId,
      HttpServletResponse response) {
    sessions.endNamed(caller.id(), sessionId);
    if (sessionId.equals(caller.sessionId())) {
      cookies.clear(response);
      return "redirect:" + WebSecurityConfiguration.SIGN_IN_PAGE;
    }
    return "redirect:/me/security";
  }
}
