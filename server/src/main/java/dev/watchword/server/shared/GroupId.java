package dev.watchword.server.shared;

import java.util.Optional;
import java.util.UUID;

/** Identifies one group. Random (UUID version 4), so ids reveal neither order nor count. */
public record GroupId(UUID value) {

  public GroupId {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static GroupId random() {
    return new GroupId(UUID.randomUUID());
  }

  /** Reads a stored id; the database only holds ids this server wrote. */
  public static GroupId of(String stored) {
    return new GroupId(UUID.fromString(stored));
  }

  /** Parses an id from outside (a URL, a body); empty when it is not a well-formed id. */
  public static Optional<GroupId> parse(String text) {
    return Ids.parseUuid(text).map(GroupId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
