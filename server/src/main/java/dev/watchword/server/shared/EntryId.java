package dev.watchword.server.shared;

import java.util.Optional;
import java.util.UUID;

/** Identifies one entry. Random (UUID version 4), so ids reveal neither order nor count. */
public record EntryId(UUID value) {

  public EntryId {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static EntryId random() {
    return new EntryId(UUID.randomUUID());
  }

  /** Reads a stored id; the database only holds ids this server wrote. */
  public static EntryId of(String stored) {
    return new EntryId(UUID.fromString(stored));
  }

  /** Parses an id from outside (a URL, a body); empty when it is not a well-formed id. */
  public static Optional<EntryId> parse(String text) {
    return Ids.parseUuid(text).map(EntryId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
