package dev.watchword.server.vault;

import dev.watchword.otp.OtpParameters;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.time.Instant;
import java.util.List;

/**
 * An entry's public face: everything but the seed. For HOTP, {@code parameters().counter()} is
 * the next counter to be released.
 *
 * @param weakSecret the seed is shorter than 128 bits (RFC 4226 §4 R6); kept, but flagged
 * @param rotationDueSince when the seed was revealed, if it has not been replaced since
 * @param highValue its codes need a second person's approval, whatever the vault says
 * @param tags its tags, sorted (see {@link EntryTags})
 */
public record Entry(EntryId id, VaultId vaultId, String issuer, String account, OtpParameters parameters,
    boolean weakSecret, Instant createdAt, Instant rotationDueSince, boolean highValue, List<String> tags) {

  public Entry {
    tags = List.copyOf(tags);
  }

  Entry withTags(List<String> newTags) {
    return new Entry(id, vaultId, issuer, account, parameters, weakSecret, createdAt, rotationDueSince, highValue,
        newTags);
  }

  /** A seed of this entry was revealed and not yet replaced: it may be known outside the vault. */
  public boolean rotationDue() {
    return rotationDueSince != null;
  }
}
