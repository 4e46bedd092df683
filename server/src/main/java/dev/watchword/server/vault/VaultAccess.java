package dev.watchword.server.vault;

import dev.watchword.server.policy.RuleSet;
import java.util.List;
import java.util.Optional;

/**
 * What one statement tells about a request to a vault: the vault if the caller may see it (with
 * their strongest live role), and the rule sets the request must pass, the organisation's then the
 * vault's, as they were when it ran.
 */
record VaultAccess(Optional<Vault> visible, List<RuleSet> ruleSets) {

  /** The vault if the caller's role there includes {@code required}; otherwise not found (404), or 403. */
  Vault withRole(VaultRole required) {
    return VaultService.requireRole(visible.orElseThrow(VaultNotFoundException::new), required);
  }
}
