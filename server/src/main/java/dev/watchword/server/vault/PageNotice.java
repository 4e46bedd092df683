package dev.watchword.server.vault;

import java.util.Arrays;
import java.util.Locale;

/**
 * The one-line confirmation a vault page shows after a form redirected to it ({@code ?done=key}).
 * Fixed texts only: nothing the request carries is echoed.
 */
enum PageNotice {
  VAULT_CREATED("Vault created. You are its manager."),
  ENTRY_ADDED("Entry added."),
  ENTRY_SAVED("Entry saved."),
  ENTRY_DELETED("Entry deleted."),
  ENTRY_HIGH_VALUE("The entry now needs a second person's approval for each code."),
  ENTRY_ORDINARY("The entry no longer needs a second person's approval (unless the whole vault does)."),
  MEMBER_SAVED("Member saved."),
  MEMBER_REMOVED("Member removed."),
  GROUP_SAVED("Group role saved."),
  GROUP_REMOVED("Group role removed."),
  RELEASE_RULES_SAVED("Release rules saved."),
  ACCESS_SETTINGS_SAVED("Access request settings saved."),
  POLICY_ADDED("Policy rule added."),
  POLICY_REMOVED("Policy rule removed."),
  TIME_ZONE_SAVED("Policy time zone saved."),
  APPROVED("Approved."),
  DENIED("Denied.");

  private final String text;

  PageNotice(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** {@code path} with this notice for the page to show. */
  String after(String path) {
    return path + "?done=" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The notice a {@code ?done=} parameter names; {@code null} for none or an unknown one. */
  static String textOf(String key) {
    return key == null ? null : Arrays.stream(values())
        .filter(n -> n.name().equalsIgnoreCase(key.replace('-', '_')))
        .map(PageNotice::text).findFirst().orElse(null);
  }
}
