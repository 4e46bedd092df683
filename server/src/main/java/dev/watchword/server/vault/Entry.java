package dev.watchword.server.vault;

import dev.watchword.otp.OtpParameters;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.time.Instant;

/**
 * An entry's public face: everything but the seed. For HOTP, {@code parameters().counter()} is
 * the next counter to be released.
 *
 * @param weakSecret the seed is shorter than 128 bits (RFC 4226 §4 R6); kept, but flagged
 * @param rotationDueSince when the seed was revealed, if it has not been replaced since
 * @param highValue its codes need a second person's approval, whatever the vault says
 */
record Entry(EntryId id, VaultId vaultId, String issuer, String account, OtpParameters parameters,
    boolean weakSecret, Instant createdAt, Instant rotationDueSince, boolean highValue) {

  /**
   * A seed of this entry was revealed and not yet replaced: it may be known outside the vault.
   * Public, like the record's accessors, so that page templates can call it.
   */
  public boolean rotationDue() {
    return rotationDueSince != null;
  }
}
