package dev.watchword.server.vault;

import java.util.ArrayList;
import java.util.List;

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

  boolean renames() {
    return issuer != null || account != null;
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
    if (renames()) {
      parts.add("issuer=" + nullToEmpty(issuerAfter(before)) + " account=" + accountAfter(before)
          + " was issuer=" + nullToEmpty(before.issuer()) + " account=" + before.account());
    }
    if (highValue != null) {
      parts.add("highValue=" + highValue);
    }
    if (tags != null) {
      parts.add("tags=" + String.join(",", tags));
    }
    return String.join(" ", parts);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
