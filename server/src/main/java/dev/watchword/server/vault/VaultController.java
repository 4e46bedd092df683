package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.OptionalText;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/vaults", produces = "application/json")
class VaultController {

  private final VaultService vaults;

  VaultController(VaultService vaults) {
    this.vaults = vaults;
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<VaultView> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateVaultRequest body,
      HttpServletRequest request) {
    Vault vault = vaults.create(caller, body.name().strip(), OptionalText.strippedOrNull(body.client()),
        RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/vaults/" + vault.id())).body(VaultView.of(vault));
  }

  @GetMapping
  VaultList list(@AuthenticationPrincipal Caller caller) {
    return new VaultList(vaults.listVisible(caller).stream().map(VaultView::of).toList());
  }

  /** Managers change the vault's release rules; fields left out keep their value. */
  @PatchMapping(path = "/{vaultId}", consumes = "application/json")
  @VaultAction("vault.settings")
  VaultView update(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody UpdateVaultRequest body, HttpServletRequest request) {
    VaultId id = PathIds.vault(vaultId);
    return VaultView.of(vaults.updateRules(caller, id, new ReleaseRules.Change(body.requireReason(),
        body.ticketPattern(), body.highValue()), RequestOrigins.of(request)));
  }

  /** Names end up in terminals, CSV exports and audit reports: plain text only. */
  record CreateVaultRequest(
      @NotBlank @Size(max = 200) @PlainText String name,
      @Size(max = 200) @PlainText String client) {}

  /** {@code ticketPattern} "" removes the pattern; setting one also requires a reason. */
  record UpdateVaultRequest(Boolean requireReason, @Size(max = ReleaseRules.MAX_PATTERN_LENGTH) String ticketPattern,
      Boolean highValue) {}

  record VaultView(String id, String name, String client, String role, Instant createdAt, boolean requireReason,
      String ticketPattern, boolean highValue) {
    static VaultView of(Vault vault) {
      return new VaultView(vault.id().toString(), vault.name(), vault.client(), vault.role().wireName(),
          vault.createdAt(), vault.rules().requireReason(), vault.rules().ticketPattern(), vault.rules().highValue());
    }
  }

  record VaultList(List<VaultView> vaults) {}
}
