package dev.watchword.server.vault;

import dev.watchword.server.shared.VaultId;
import java.time.Instant;

/** A vault as one caller sees it, with that caller's role in it and its release rules. */
public record Vault(VaultId id, String name, String client, Instant createdAt, VaultRole role, ReleaseRules rules) {}
