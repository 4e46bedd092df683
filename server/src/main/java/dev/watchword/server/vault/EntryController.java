package dev.watchword.server.vault;

import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.OptionalText;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
  @VaultAction("entry.create")
  ResponseEntity<EntryView> create(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestBody CreateEntryRequest body, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    Entry entry = entries.create(caller, vault, body.toDraft(), RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/vaults/" + vault + "/entries/" + entry.id()))
        .body(EntryView.of(entry));
  }

  /** {@code ?tag=prod} lists only the entries tagged {@code prod}. */
  @GetMapping
  @VaultAction("entry.list")
  EntryList list(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String tag) {
    VaultId vault = PathIds.vault(vaultId);
    String filter = tag == null ? null : EntryTags.filter(tag);
    return new EntryList(entries.list(caller, vault, filter).stream().map(EntryView::of).toList());
  }

  @PostMapping(path = "/{entryId}/code")
  @VaultAction(value = "code.release", evaluatedByService = true)
  ResponseEntity<ReleaseOutcome> code(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @Valid @RequestBody(required = false) CodeRequest body,
      HttpServletRequest request) {
    String reason = OptionalText.strippedOrNull(body == null ? null : body.reason());
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

  /**
   * Changes an entry's settings; fields left out keep their value. Editors rename it ({@code
   * issuer}, {@code ""} to remove it; {@code account}) and set its tags (the list replaces them
   * all); managers mark it high-value (its codes then need a second person's approval).
   */
  @PatchMapping(path = "/{entryId}", consumes = "application/json")
  @VaultAction("entry.settings")
  EntryView update(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @RequestBody UpdateEntryRequest body, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    EntryId entry = PathIds.entry(entryId);
    EntryChanges changes = EntryChanges.of(body.issuer(), body.account(), body.highValue(), body.tags());
    return EntryView.of(entries.update(caller, vault, entry, changes, RequestOrigins.of(request)));
  }

  record UpdateEntryRequest(String issuer, String account, Boolean highValue, List<String> tags) {}

  /**
   * Deletes the entry and its seed for good (204). Editors delete; an entry whose codes need a
   * second person's approval only a manager deletes.
   */
  @DeleteMapping("/{entryId}")
  @VaultAction("entry.delete")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, HttpServletRequest request) {
    entries.delete(caller, PathIds.vault(vaultId), PathIds.entry(entryId), RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  record CodeRequest(
      @Size(max = 500) @PlainText String reason,
      @Size(max = 64) String approval) {}

  /** An entry as the API shows it: never the secret. */
  record EntryView(String id, String vaultId, String issuer, String account, String type, String algorithm,
      int digits, Integer period, Long counter, boolean weakSecret, Instant createdAt, boolean rotationDue,
      boolean highValue, List<String> tags) {

    static EntryView of(Entry entry) {
      OtpParameters p = entry.parameters();
      boolean hotp = p.type() == OtpType.HOTP;
      return new EntryView(entry.id().toString(), entry.vaultId().toString(), entry.issuer(), entry.account(),
          p.type().lowerName(), p.algorithm().name(), p.digits(), hotp ? null : p.period(),
          hotp ? p.counter() : null, entry.weakSecret(), entry.createdAt(), entry.rotationDue(), entry.highValue(),
          entry.tags());
    }
  }

  record EntryList(List<EntryView> entries) {}
}
