package dev.watchword.server.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change to an entry's settings, checked: a new issuer ({@code ""} removes it), a new account,
 * whether it is high-value, its tags (the list replaces them all). {@code null} keeps a setting.
 * Renaming never touches the seed: its ciphertext is bound to the entry's id, not to its name.
 */
record EntryChanges(String issuer, String account, Boolean highValue, List<String> tags) {

  /**
   * Checks what a request or a form asks for, with the rules entries are added with.
   *
   * @throws InvalidEntryException if nothing is asked for, or a field breaks its rule
   */
  static EntryChanges of(String issuer, String account, Boolean highValue, List<String> tags) {
    if (issuer == null && account == null && highValue == null && tags == null) {
      throw new InvalidEntryException("Give at least one of 'issuer', 'account', 'highValue' and 'tags'.");
    }
    if (account != null && account.isBlank()) {
      throw new InvalidEntryException("Field 'account' must not be empty.");
    }
    String checkedIssuer = issuer == null ? null : nullToEmpty(EntryLabels.checked("issuer", issuer));
    return new EntryChanges(checkedIssuer, EntryLabels.checked("account", account), highValue,
        tags == null ? null : EntryTags.of(tags));
  }

  /** Whether the change gives {@code before} another issuer or account (the same name again is none). */
  boolean renames(Entry before) {
    return !Objects.equals(issuerAfter(before), before.issuer()) || !accountAfter(before).equals(before.account());
  }

  /** The issuer after the change: {@code null} when it is removed. */
  String issuerAfter(Entry entry) {
    return issuer == null ? entry.issuer() : issuer.isEmpty() ? null : issuer;
  }

  String accountAfter(Entry entry) {
    return account == null ? entry.account() : account;
  }

  /**
   * The audit detail: what changed, with a renamed entry's old name, so the log still says which
   * entry earlier events were about.
   */
  String auditDetail(Entry before) {
    List<String> parts = new ArrayList<>();
    if (renames(before)) {
      parts.add(quotedName(issuerAfter(before), accountAfter(before)) + " was "
          + quotedName(before.issuer(), before.account()));
    }
    if (highValue != null) {
      parts.add("highValue=" + highValue);
    }
    if (tags != null) {
      parts.add("tags=" + String.join(",", tags));
    }
    return parts.isEmpty() ? "unchanged" : String.join(" ", parts);
  }

  /**
   * {@code issuer="…" account="…"} for the audit: quoted, with {@code "} and {@code \} escaped,
   * because names are free text that could otherwise read like more of the detail.
   */
  static String quotedName(String issuer, String account) {
    return "issuer=" + quoted(issuer == null ? "" : issuer) + " account=" + quoted(account);
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
