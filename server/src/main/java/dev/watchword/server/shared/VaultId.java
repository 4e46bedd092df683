package dev.watchword.server.shared;

import java.util.Optional;
import java.util.UUID;

/** Identifies one vault. Random (UUID version 4), so ids reveal neither order nor count. */
public record VaultId(UUID value) {

  public VaultId {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static VaultId random() {
    return new VaultId(UUID.randomUUID());
  }

  /** Reads a stored id; the database only holds ids this server wrote. */
  public static VaultId of(String stored) {
    return new VaultId(UUID.fromString(stored));
  }

  /** Parses an id from outside (a URL, a body); empty when it is not a well-formed id. */
  public static Optional<VaultId> parse(String text) {
    return Ids.parseUuid(text).map(VaultId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
