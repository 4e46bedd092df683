package dev.watchword.server.vault;

import dev.watchword.otp.imports.ImportResult;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.PageRedirect;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import with preview: an editor uploads a file (QR image or an authenticator's export, with its
 * password if encrypted) or pastes otpauth lines, sees what a dry run would import, skip or refuse,
 * then confirms. Both steps are {@link EntryImporter}'s, with the API's limits and audit; the page
 * keeps nothing between them (the browser sends the same form again), so no seed waits on the
 * server, and the answer never shows one.
 */
@Controller
@WebPage
class ImportPages {

  private final VaultService vaults;
  private final EntryImporter importer;

  ImportPages(VaultService vaults, EntryImporter importer) {
    this.vaults = vaults;
    this.importer = importer;
  }

  @GetMapping("/vaults/{vaultId}/import")
  @VaultAction("vault.import")
  String form(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, Model model) {
    VaultPages.frame(model, vaults.getWithRole(caller, PathIds.vault(vaultId), VaultRole.EDITOR), "import", null);
    return "vaults/import";
  }

  @PostMapping("/vaults/{vaultId}/import/preview")
  @VaultAction("vault.import")
  String preview(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String password,
      @RequestParam(required = false) String text, HttpServletRequest request, Model model) {
    return run(caller, vaultId, file, password, text, true, request, model);
  }

  @PostMapping("/vaults/{vaultId}/import")
  @VaultAction("vault.import")
  String confirm(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String password,
      @RequestParam(required = false) String text, HttpServletRequest request, Model model) {
    return run(caller, vaultId, file, password, text, false, request, model);
  }

  private String run(Caller caller, String vaultId, MultipartFile file, String password, String text,
      boolean dryRun, HttpServletRequest request, Model model) {
    VaultId id = PathIds.vault(vaultId);
    Vault vault = vaults.getWithRole(caller, id, VaultRole.EDITOR);
    ImportReport report = importer.importInto(caller, id, source(file, password, text), dryRun,
        RequestOrigins.of(request));
    VaultPages.frame(model, vault, "import", null);
    model.addAttribute("report", report);
    return PageRedirect.isHtmx(request) ? "vaults/import :: report" : "vaults/import";
  }

  /** The file or the pasted lines; the import library's limits bound either. */
  private static Supplier<ImportResult> source(MultipartFile file, String password, String text) {
    boolean hasFile = file != null && !file.isEmpty();
    boolean hasText = text != null && !text.isBlank();
    if (hasFile == hasText) {
      throw new NothingToImportException(hasFile ? "Choose a file or paste lines, not both."
          : "Choose a file, or paste otpauth lines.");
    }
    return hasFile ? ImportController.upload(file, password) : ImportController.pasted(text);
  }
}
