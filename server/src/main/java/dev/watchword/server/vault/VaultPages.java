package dev.watchword.server.vault;

import static dev.watchword.server.web.OptionalText.strippedOrNull;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.PageRedirect;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The vault manager's pages, part one: the caller's vaults, a new vault, and a vault's entries
 * (add one by otpauth URI or by its fields, mark one high-value). Every action goes through the
 * services the API uses, so roles, validation and the audit apply unchanged; a page that acts on
 * a vault checks the caller's role there before it reads anything else of the request.
 */
@Controller
@WebPage
@Validated
class VaultPages {

  private final VaultService vaults;
  private final EntryService entries;

  VaultPages(VaultService vaults, EntryService entries) {
    this.vaults = vaults;
    this.entries = entries;
  }

  /**
   * The model every page of one vault shares: the vault (with the caller's role, and what that role
   * may do here), the page's tab, a notice.
   */
  static void frame(Model model, Vault vault, String tab, String done) {
    model.addAttribute("vault", vault);
    model.addAttribute("canEdit", vault.role().includes(VaultRole.EDITOR));
    model.addAttribute("canManage", vault.role().includes(VaultRole.MANAGER));
    model.addAttribute("tab", tab);
    model.addAttribute("notice", PageNotice.textOf(done));
  }

  static String path(VaultId vault) {
    return "/vaults/" + vault;
  }

  @GetMapping("/vaults")
  String list(@AuthenticationPrincipal Caller caller, Model model) {
    model.addAttribute("vaults", vaults.listVisible(caller));
    return "vaults/list";
  }

  @PostMapping("/vaults")
  String create(@AuthenticationPrincipal Caller caller,
      @RequestParam @NotBlank @Size(max = 200) @PlainText String name,
      @RequestParam(required = false) @Size(max = 200) @PlainText String client, HttpServletRequest request,
      HttpServletResponse response) {
    Vault vault = vaults.create(caller, name.strip(), strippedOrNull(client), RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.VAULT_CREATED.after(path(vault.id())), request, response);
  }

  @GetMapping("/vaults/{vaultId}")
  @VaultAction("entry.list")
  String entries(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String done, Model model) {
    VaultId id = PathIds.vault(vaultId);
    frame(model, vaults.getVisible(caller, id), "entries", done);
    model.addAttribute("entries", entries.list(caller, id, null));
    return "vaults/entries";
  }

  /**
   * Adds an entry from the URI form ({@code uri}) or the fields form; blank fields take their
   * defaults. A refusal names the field, never the secret.
   */
  @PostMapping("/vaults/{vaultId}/entries")
  @VaultAction("entry.create")
  String addEntry(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String uri, @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String account, @RequestParam(required = false) String secret,
      @RequestParam(required = false) String type, @RequestParam(required = false) String algorithm,
      @RequestParam(required = false) Integer digits, @RequestParam(required = false) Integer period,
      @RequestParam(required = false) Long counter, @RequestParam(required = false) String tags,
      HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = PathIds.vault(vaultId);
    vaults.getWithRole(caller, vault, VaultRole.EDITOR);
    CreateEntryRequest form = new CreateEntryRequest(strippedOrNull(uri), strippedOrNull(issuer),
        strippedOrNull(account), strippedOrNull(secret), strippedOrNull(type), strippedOrNull(algorithm), digits,
        period, counter, tagList(tags));
    entries.create(caller, vault, form.toDraft(), RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.ENTRY_ADDED.after(path(vault)), request, response);
  }

  @PostMapping("/vaults/{vaultId}/entries/{entryId}/high-value")
  @VaultAction("entry.settings")
  String highValue(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @RequestParam(defaultValue = "false") boolean highValue,
      HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = PathIds.vault(vaultId);
    EntryId entry = PathIds.entry(entryId);
    entries.update(caller, vault, entry, EntryChanges.of(null, null, highValue, null), RequestOrigins.of(request));
    PageNotice notice = highValue ? PageNotice.ENTRY_HIGH_VALUE : PageNotice.ENTRY_ORDINARY;
    return PageRedirect.to(notice.after(path(vault)), request, response);
  }

  /** One entry: rename it, retag it, delete it (editors; a protected entry's name and deletion, managers). */
  @GetMapping("/vaults/{vaultId}/entries/{entryId}")
  @VaultAction("entry.settings")
  String entry(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String entryId,
      Model model) {
    VaultId vault = PathIds.vault(vaultId);
    Vault shown = vaults.getVisible(caller, vault);
    Entry entry = entries.find(shown, PathIds.entry(entryId));
    VaultService.requireRole(shown, VaultRole.EDITOR);
    frame(model, shown, "entries", null);
    model.addAttribute("entry", entry);
    model.addAttribute("label", entry.issuer() == null ? entry.account() : entry.issuer() + " " + entry.account());
    model.addAttribute("mayRename", shown.role().includes(EntryService.roleToRename(shown, entry)));
    model.addAttribute("mayDelete", shown.role().includes(EntryService.roleToDelete(shown, entry)));
    return "vaults/entry";
  }

  /**
   * Saves the edit form: the issuer (blank removes it) and the account when the form offers them (a
   * protected entry's form does not, unless the caller is a manager), and the tags (blank removes them).
   */
  @PostMapping("/vaults/{vaultId}/entries/{entryId}")
  @VaultAction("entry.settings")
  String saveEntry(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String account, @RequestParam(defaultValue = "") String tags,
      HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = PathIds.vault(vaultId);
    EntryChanges changes = EntryChanges.of(issuer, account, null, tagList(tags));
    entries.update(caller, vault, PathIds.entry(entryId), changes, RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.ENTRY_SAVED.after(path(vault)), request, response);
  }

  /** Deletes the entry; the form's required checkbox is the confirmation. */
  @PostMapping("/vaults/{vaultId}/entries/{entryId}/delete")
  @VaultAction("entry.delete")
  String deleteEntry(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String entryId, @RequestParam(defaultValue = "false") boolean confirm,
      HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = PathIds.vault(vaultId);
    if (!confirm) {
      throw new InvalidEntryException("Tick the box to confirm that the entry may be deleted.");
    }
    entries.delete(caller, vault, PathIds.entry(entryId), RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.ENTRY_DELETED.after(path(vault)), request, response);
  }

  /** Tags typed as one field, separated by commas or spaces; none when blank. */
  static List<String> tagList(String typed) {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(typed.split("[,\\s]+")).filter(t -> !t.isEmpty()).toList();
  }
}
