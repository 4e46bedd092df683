package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
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
    Vault vault = vaults.create(caller, body.name().strip(), blankToNull(body.client()), RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/vaults/" + vault.id())).body(VaultView.of(vault));
  }

  @GetMapping
  VaultList list(@AuthenticationPrincipal Caller caller) {
    return new VaultList(vaults.listVisible(caller).stream().map(VaultView::of).toList());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Names end up in terminals, CSV exports and audit reports: plain text only. */
  record CreateVaultRequest(
      @NotBlank @Size(max = 200) @PlainText String name,
      @Size(max = 200) @PlainText String client) {}

  record VaultView(String id, String name, String client, String role, Instant createdAt) {
    static VaultView of(Vault vault) {
      return new VaultView(vault.id().toString(), vault.name(), vault.client(), vault.role().wireName(),
          vault.createdAt());
    }
  }

  record VaultList(List<VaultView> vaults) {}
}
