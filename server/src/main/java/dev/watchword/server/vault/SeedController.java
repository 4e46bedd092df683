package dev.watchword.server.vault;

import dev.watchword.otp.OtpFormatException;
import dev.watchword.otp.Secret;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.vault.EntryController.EntryView;
import dev.watchword.server.web.OptionalText;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Seed reveal (manager, step-up, audited, marks rotation due) and seed replacement (editor). */
@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/entries/{entryId}", produces = "application/json")
class SeedController {

  private final SeedRevealService seeds;

  SeedController(SeedRevealService seeds) {
    this.seeds = seeds;
  }

  @PostMapping("/reveal")
  @VaultAction(value = "seed.reveal", evaluatedByService = true)
  ResponseEntity<RevealOutcome> reveal(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @Valid @RequestBody(required = false) RevealRequest body,
      HttpServletRequest request) {
    String reason = OptionalText.strippedOrNull(body == null ? null : body.reason());
    String approval = body == null ? null : body.approval();
    RevealOutcome outcome = seeds.reveal(caller, PathIds.vault(vaultId), PathIds.entry(entryId), reason, approval,
        RequestOrigins.of(request));
    return ResponseEntity.status(outcome instanceof ApprovalRequired ? 202 : 200).cacheControl(CacheControl.noStore())
        .body(outcome);
  }

  @PutMapping(path = "/secret", consumes = "application/json")
  @VaultAction("entry.rotate")
  EntryView replace(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @Valid @RequestBody ReplaceSecretRequest body, HttpServletRequest request) {
    Secret secret;
    try {
      secret = Secret.fromBase32(body.secret());
    } catch (OtpFormatException e) {
      throw new InvalidEntryException(e.getMessage());
    }
    return EntryView.of(seeds.replace(caller, PathIds.vault(vaultId), PathIds.entry(entryId), secret, body.counter(),
        RequestOrigins.of(request)));
  }



  record RevealRequest(@Size(max = 500) @PlainText String reason, @Size(max = 64) String approval) {}

  record ReplaceSecretRequest(@NotNull @Size(max = 512) String secret,
      @jakarta.validation.constraints.PositiveOrZero Long counter) {
    @Override
    public String toString() {
      return "ReplaceSecretRequest[redacted]";
    }
  }
}
