package dev.watchword.server.identity;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * Step-up re-authentication and the caller's own factors. Regenerating recovery codes is a
 * sensitive action: it needs a sign-in or step-up within the last 15 minutes.
 */
@RestController
class MyFactorsController {

  private final SignInService signIn;
  private final MyFactors factors;

  MyFactorsController(SignInService signIn, MyFactors factors) {
    this.signIn = signIn;
    this.factors = factors;
  }

  /** RFC 9470 step-up: a fresh TOTP code renews the session's authentication time. */
  @PostMapping(path = "/api/v1/auth/step-up", consumes = "application/json", produces = "application/json")
  ResponseEntity<Void> stepUp(@AuthenticationPrincipal Caller caller, @Valid @RequestBody StepUpRequest body,
      HttpServletRequest request) {
    signIn.stepUp(caller, body.code(), RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  /** Replaces the caller's recovery codes; the old ones stop working at once. */
  @PostMapping(path = "/api/v1/me/recovery-codes", produces = "application/json")
  ResponseEntity<RecoveryCodeList> regenerateRecoveryCodes(@AuthenticationPrincipal Caller caller,
      HttpServletRequest request) {
    List<String> codes = factors.regenerateRecoveryCodes(caller, RequestOrigins.of(request));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RecoveryCodeList(codes));
  }

  record StepUpRequest(@NotNull @Size(max = 16) String code) {
    @Override
    public String toString() {
      return "StepUpRequest[redacted]";
    }
  }

  record RecoveryCodeList(List<String> recoveryCodes) {
    @Override
    public String toString() {
      return "RecoveryCodeList[redacted]";
    }
  }
}
