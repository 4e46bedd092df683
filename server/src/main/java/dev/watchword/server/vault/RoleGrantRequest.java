package dev.watchword.server.vault;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Locale;

/**
 * The body of {@code PUT …/members/{userId}} and {@code PUT …/groups/{groupId}}: a vault role,
 * optionally until {@code expiresAt} (which the service checks is in the future).
 */
record RoleGrantRequest(
    @NotNull @Pattern(regexp = VaultRole.WIRE_NAMES, message = "must be viewer, editor or manager") String role,
    Instant expiresAt) {

  VaultRole vaultRole() {
    return VaultRole.fromWire(role.toLowerCase(Locale.ROOT));
  }
}
