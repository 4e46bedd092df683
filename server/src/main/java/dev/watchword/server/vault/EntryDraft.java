package dev.watchword.server.vault;

import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.Secret;

/** A parsed, valid entry that is not stored yet. Its seed is redacted from {@code toString()}. */
record EntryDraft(String issuer, String account, Secret secret, OtpParameters parameters) {

  @Override
  public String toString() {
    return "EntryDraft[issuer=" + issuer + ", account=" + account + ", parameters=" + parameters + "]";
  }
}
