package dev.watchword.server.identity;

import dev.watchword.server.identity.SignInService.CompletedSignIn;
import dev.watchword.server.identity.SignInService.PasswordOutcome;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sign-in endpoints of API.md, plus refresh and sign-out. Responses are never cached. */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = "application/json")
class SignInController {

  private final SignInService signIn;
  private final Sessions sessions;

  SignInController(SignInService signIn, Sessions sessions) {
    this.signIn = signIn;
    this.sessions = sessions;
  }

  @PostMapping(path = "/login", consumes = "application/json")
  ResponseEntity<PasswordOutcome> login(@Valid @RequestBody Credentials body, HttpServletRequest request) {
    return noStore(signIn.password(body.username(), body.password(), RequestOrigins.of(request)));
  }

  @PostMapping(path = "/enrol/totp", consumes = "application/json")
  ResponseEntity<EnrolmentUri> enrolTotp(@Valid @RequestBody ChallengeOnly body) {
    return noStore(new EnrolmentUri(signIn.beginTotpEnrolment(body.challenge())));
  }

  @PostMapping(path = "/enrol/totp/confirm", consumes = "application/json")
  ResponseEntity<TokensResponse> confirmTotp(@Valid @RequestBody ChallengeAndCode body, HttpServletRequest request) {
    return noStore(TokensResponse.of(signIn.confirmTotpEnrolment(body.challenge(), body.code(),
        RequestOrigins.of(request))));
  }

  @PostMapping(path = "/login/totp", consumes = "application/json")
  ResponseEntity<TokensResponse> loginTotp(@Valid @RequestBody ChallengeAndCode body, HttpServletRequest request) {
    return noStore(TokensResponse.of(signIn.totp(body.challenge(), body.code(), RequestOrigins.of(request))));
  }

  @PostMapping(path = "/login/recovery", consumes = "application/json")
  ResponseEntity<TokensResponse> loginRecovery(@Valid @RequestBody ChallengeAndCode body,
      HttpServletRequest request) {
    return noStore(TokensResponse.of(signIn.recoveryCode(body.challenge(), body.code(), RequestOrigins.of(request))));
  }

  @PostMapping(path = "/refresh", consumes = "application/json")
  ResponseEntity<TokensResponse> refresh(@Valid @RequestBody RefreshRequest body) {
    IssuedTokens tokens = sessions.refresh(body.refreshToken()).orElseThrow(SignInFailedException::new);
    return noStore(TokensResponse.of(new CompletedSignIn(tokens, null)));
  }

  /** Ends the caller's own session; its access tokens die on the next request. */
  @PostMapping("/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Caller caller) {
    if (caller.sessionId() != null) {
      sessions.end(caller.id(), caller.sessionId());
    }
    return ResponseEntity.noContent().build();
  }

  private static <T> ResponseEntity<T> noStore(T body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  /** Lengths are bounded before anything is hashed: Argon2id on megabytes would be a cheap DoS. */
  record Credentials(@NotNull @Size(max = 256) String username, @NotNull @Size(max = 1024) String password) {
    @Override
    public String toString() {
      return "Credentials[" + username + "]";
    }
  }

  record ChallengeOnly(@NotNull @Size(max = 128) String challenge) {
    @Override
    public String toString() {
      return "ChallengeOnly[redacted]";
    }
  }

  record ChallengeAndCode(@NotNull @Size(max = 128) String challenge, @NotNull @Size(max = 64) String code) {
    @Override
    public String toString() {
      return "ChallengeAndCode[redacted]";
    }
  }

  record RefreshRequest(@NotNull @Size(max = 128) String refreshToken) {
    @Override
    public String toString() {
      return "RefreshRequest[redacted]";
    }
  }

  record EnrolmentUri(String uri) {
    @Override
    public String toString() {
      return "EnrolmentUri[redacted]";
    }
  }

  /** API.md's token answer, plus the session id and the refresh token that renews it. */
  record TokensResponse(String accessToken, long expiresIn, String tokenType, String refreshToken, String sessionId,
      List<String> recoveryCodes) {

    static TokensResponse of(CompletedSignIn done) {
      IssuedTokens t = done.tokens();
      return new TokensResponse(t.accessToken(), t.expiresIn(), "Bearer", t.refreshToken(), t.sessionId(),
          done.recoveryCodes());
    }

    @Override
    public String toString() {
      return "TokensResponse[session=" + sessionId + "]";
    }
  }
}
