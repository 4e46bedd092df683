package dev.watchword.server.identity;

import dev.watchword.server.identity.Passkeys.PasskeyView;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own passkeys: list them (names and dates, never key material) and remove one.
 * Removing changes the caller's factors, so it needs a recent sign-in and is audited
 * ({@code factor.passkey.remove}) in the transaction that deletes it. Registration runs through
 * the WebAuthn ceremony ({@link PasskeySecurityConfiguration}).
 */
@RestController
@RequestMapping(path = "/api/v1/me/passkeys", produces = "application/json")
class PasskeyController {

  private final Passkeys passkeys;
  private final MyFactors factors;

  PasskeyController(Passkeys passkeys, MyFactors factors) {
    this.passkeys = passkeys;
    this.factors = factors;
  }

  @GetMapping
  ResponseEntity<PasskeyList> list(@AuthenticationPrincipal Caller caller) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new PasskeyList(passkeys.list(caller.id())));
  }

  @DeleteMapping("/{passkeyId}")
  ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable String passkeyId,
      HttpServletRequest request) {
    factors.removePasskey(caller, passkeyId, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  record PasskeyList(List<PasskeyView> passkeys) {}
}
