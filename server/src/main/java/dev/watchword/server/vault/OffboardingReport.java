package dev.watchword.server.vault;

import java.time.Instant;
import java.util.List;

/**
 * What a leaver could reach and which seeds they took.
 *
 * @param vaults every vault the user was ever a member of
 * @param revealedSeeds every seed the user revealed, oldest first
 */
record OffboardingReport(String userId, List<VaultItem> vaults, List<RevealItem> revealedSeeds) {

  record VaultItem(String vaultId, String name, String client, String role, Instant until) {}

  /**
   * {@code rotationDue} is false once an editor replaced the seed. A deleted entry (no issuer, no
   * account) stays due: deleting it here changed nothing at the provider, where the seed still works.
   */
  record RevealItem(String vaultId, String entryId, String issuer, String account, Instant revealedAt,
      boolean rotationDue) {}
}
