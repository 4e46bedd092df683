package dev.watchword.server.shared;

import java.util.Optional;
import java.util.UUID;

/** Identifies one user. Random (UUID version 4), so ids reveal neither order nor count. */
public record UserId(UUID value) {

  public UserId {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  /** Reads a stored id; the database only holds ids this server wrote. */
  public static UserId of(String stored) {
    return new UserId(UUID.fromString(stored));
  }

  /** Parses an id from outside (a URL, a body); empty when it is not a well-formed id. */
  public static Optional<UserId> parse(String text) {
    return Ids.parseUuid(text).map(UserId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
