package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/vaults/{vaultId}/export} {@code {"password"}}: the vault as a
 * password-encrypted Watchword export file (docs/import.md), for managers after a recent sign-in.
 */
@RestController
class ExportController {

  private final VaultExporter exporter;

  ExportController(VaultExporter exporter) {
    this.exporter = exporter;
  }

  /** The file's password: at least 15 characters, because the file may travel and be attacked offline. */
  record ExportRequest(@NotNull @Size(min = 15, max = 1024) String password) {

    @Override
    public String toString() {
      return "ExportRequest[password=<redacted>]";
    }
  }

  @PostMapping(path = "/api/v1/vaults/{vaultId}/export", consumes = "application/json")
  @VaultAction("vault.export")
  ResponseEntity<byte[]> export(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody ExportRequest body, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    char[] password = body.password().toCharArray();
    try {
      byte[] file = exporter.export(caller, vault, password, RequestOrigins.of(request));
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .cacheControl(CacheControl.noStore())
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename("watchword-vault-" + vault + ".json").build().toString())
          .body(file);
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
