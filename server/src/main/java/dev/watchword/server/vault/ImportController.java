package dev.watchword.server.vault;

import dev.watchword.otp.imports.ImportFile;
import dev.watchword.otp.imports.ImportLimits;
import dev.watchword.otp.imports.ImportResult;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * API.md's import endpoint: a file (multipart field {@code file}, optional {@code password}) whose
 * format is detected, or JSON {@code {"text": "..."}} with otpauth or otpauth-migration URIs one a
 * line; {@code ?dryRun=true} previews.
 */
@RestController
class ImportController {

  /** The longest pasted text accepted: the same as a file. */
  static final int MAX_TEXT = 5 * 1024 * 1024;

  private final EntryImporter importer;

  ImportController(EntryImporter importer) {
    this.importer = importer;
  }

  /** Pasted URIs: they hold seeds, so never in a log line. */
  record ImportText(@NotNull @Size(max = MAX_TEXT) String text) {
    @Override
    public String toString() {
      return "ImportText[" + (text == null ? 0 : text.length()) + " characters, redacted]";
    }
  }

  @PostMapping(path = "/api/v1/vaults/{vaultId}/import", consumes = "multipart/form-data",
      produces = "application/json")
  @VaultAction("vault.import")
  ImportReport importFile(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestPart("file") MultipartFile file, @RequestParam(required = false) String password,
      @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    return importer.importInto(caller, vault, upload(file, password), dryRun, RequestOrigins.of(request));
  }

  /** Reads an uploaded file (with its password, if encrypted) with the import library's default limits. */
  static Supplier<ImportResult> upload(MultipartFile file, String password) {
    return () -> {
      char[] secret = password == null || password.isEmpty() ? null : password.toCharArray();
      try {
        return ImportFile.read(file.getBytes(), file.getOriginalFilename(), secret, ImportLimits.defaults());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        if (secret != null) {
          Arrays.fill(secret, '\0');
        }
      }
    };
  }

  /** Reads pasted otpauth or otpauth-migration URIs, one a line, with the default limits. */
  static Supplier<ImportResult> pasted(String text) {
    return () -> ImportFile.readText(text, ImportLimits.defaults());
  }

  @PostMapping(path = "/api/v1/vaults/{vaultId}/import", consumes = "application/json",
      produces = "application/json")
  @VaultAction("vault.import")
  ImportReport importText(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody ImportText body, @RequestParam(defaultValue = "false") boolean dryRun,
      HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    return importer.importInto(caller, vault, pasted(body.text()), dryRun, RequestOrigins.of(request));
  }
}
