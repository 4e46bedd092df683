package dev.watchword.server.vault;

import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.Secret;
import java.util.List;

/**
 * A parsed, valid entry that is not stored yet. Its seed is redacted from {@code toString()}.
 *
 * @param tags already normalised by {@link EntryTags#of}
 */
record EntryDraft(String issuer, String account, Secret secret, OtpParameters parameters, List<String> tags) {

  EntryDraft {
    tags = List.copyOf(tags);
  }

  /** A draft without tags (imports: no supported format carries Watchword's tags). */
  EntryDraft(String issuer, String account, Secret secret, OtpParameters parameters) {
    this(issuer, account, secret, parameters, List.of());
  }

  @Override
  public String toString() {
    return "EntryDraft[issuer=" + issuer + ", account=" + account + ", parameters=" + parameters + ", tags=" + tags
        + "]";
  }
}
