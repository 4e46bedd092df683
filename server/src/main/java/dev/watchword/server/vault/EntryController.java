package dev.watchword.server.vault;

import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/entries", produces = "application/json")
class EntryController {

  private final EntryService entries;
  private final CodeReleaseService codes;

  EntryController(EntryService entries, CodeReleaseService codes) {
    this.entries = entries;
    this.codes = codes;
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<EntryView> create(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestBody CreateEntryRequest body, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    Entry entry = entries.create(caller, vault, body.toDraft(), RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/vaults/" + vault + "/entries/" + entry.id()))
        .body(EntryView.of(entry));
  }

  @GetMapping
  EntryList list(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    return new EntryList(entries.list(caller, PathIds.vault(vaultId)).stream().map(EntryView::of).toList());
  }

  @PostMapping(path = "/{entryId}/code")
  ResponseEntity<ReleaseOutcome> code(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @Valid @RequestBody(required = false) CodeRequest body,
      HttpServletRequest request) {
    String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
    java.util.Optional<VaultId> vault = VaultId.parse(vaultId);
    java.util.Optional<EntryId> entry = EntryId.parse(entryId);
    if (vault.isEmpty() || entry.isEmpty()) {
      // Probing with junk ids is worth a line in the audit too; the answer stays a plain 404.
      throw codes.refuseMalformedIds(caller, vault.orElse(null), reason, RequestOrigins.of(request),
          vault.isEmpty() ? new VaultNotFoundException() : new EntryNotFoundException());
    }
    String approval = body == null ? null : body.approval();
    ReleaseOutcome outcome = codes.release(caller, vault.get(), entry.get(), reason, approval,
        RequestOrigins.of(request));
    // 202: in a high-value vault the code waits for a second person's approval.
    return ResponseEntity.status(outcome instanceof ApprovalRequired ? 202 : 200).body(outcome);
  }

  /** Managers mark an entry high-value: its codes then need a second person's approval. */
  @org.springframework.web.bind.annotation.PatchMapping(path = "/{entryId}", consumes = "application/json")
  EntryView update(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @Valid @RequestBody UpdateEntryRequest body, HttpServletRequest request) {
    EntryId entry = PathIds.entry(entryId);
    return EntryView.of(entries.setHighValue(caller, PathIds.vault(vaultId), entry, body.highValue(),
        RequestOrigins.of(request)));
  }

  record UpdateEntryRequest(@jakarta.validation.constraints.NotNull Boolean highValue) {}

  /** A malformed id names no vault, so it is "not found" like any other unknown id. */

  record CodeRequest(
      @Size(max = 500) @PlainText String reason,
      @Size(max = 64) String approval) {}

  /** An entry as the API shows it: never the secret. */
  record EntryView(String id, String vaultId, String issuer, String account, String type, String algorithm,
      int digits, Integer period, Long counter, boolean weakSecret, Instant createdAt, boolean rotationDue,
      boolean highValue) {

    static EntryView of(Entry entry) {
      OtpParameters p = entry.parameters();
      boolean hotp = p.type() == OtpType.HOTP;
      return new EntryView(entry.id().toString(), entry.vaultId().toString(), entry.issuer(), entry.account(),
          p.type().lowerName(), p.algorithm().name(), p.digits(), hotp ? null : p.period(),
          hotp ? p.counter() : null, entry.weakSecret(), entry.createdAt(), entry.rotationDue(), entry.highValue());
    }
  }

  record EntryList(List<EntryView> entries) {}
}
