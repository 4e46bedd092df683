package dev.watchword.server.identity;

import dev.watchword.server.identity.SsoSignInService.SsoRedemption;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the single sign-on providers and redeems handoff codes. */
@RestController
@RequestMapping(path = "/api/v1/auth/sso", produces = "application/json")
class SsoController {

  private final SsoProperties properties;
  private final SsoSignInService ssoSignIn;
  private final WebSessionCookies cookies;

  SsoController(SsoProperties properties, SsoSignInService ssoSignIn, WebSessionCookies cookies) {
    this.properties = properties;
    this.ssoSignIn = ssoSignIn;
    this.cookies = cookies;
  }

  /** Public: a sign-in page needs to know which buttons to show. */
  @GetMapping("/providers")
  ProviderList providers() {
    return new ProviderList(properties.providers().stream()
        .map(p -> new ProviderItem(p.id(), "/api/v1/auth/sso/start/" + p.id()))
        .toList());
  }

  @PostMapping(path = "/redeem", consumes = "application/json")
  ResponseEntity<RedeemResponse> redeem(@Valid @RequestBody RedeemRequest body, HttpServletRequest request,
      HttpServletResponse servletResponse) {
    SsoRedemption redemption = ssoSignIn.redeem(body.handoff(), RequestOrigins.of(request));
    IssuedTokens tokens = redemption.tokens();
    if (cookies.wantsCookies(request)) {
      // The web UI: the session (or the pending second step) lives in HttpOnly cookies, not in script.
      if (tokens != null) {
        cookies.write(servletResponse, tokens);
      } else {
        cookies.writeChallenge(servletResponse, redemption.challenge());
      }
      return ResponseEntity.ok().cacheControl(CacheControl.noStore())
          .body(new RedeemResponse(redemption.status(), null, null, null, null, null));
    }
    RedeemResponse response = tokens == null
        ? new RedeemResponse(redemption.status(), redemption.challenge(), null, null, null, null)
        : new RedeemResponse(redemption.status(), null, tokens.accessToken(), tokens.expiresIn(),
            tokens.refreshToken(), tokens.sessionId());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(response);
  }

  record RedeemRequest(@NotNull @Size(max = 128) String handoff) {
    @Override
    public String toString() {
      return "RedeemRequest[redacted]";
    }
  }

  record RedeemResponse(String status, String challenge, String accessToken, Long expiresIn, String refreshToken,
      String sessionId) {
    @Override
    public String toString() {
      return "RedeemResponse[" + status + "]";
    }
  }

  record ProviderItem(String id, String startUrl) {}

  record ProviderList(List<ProviderItem> providers) {}
}
