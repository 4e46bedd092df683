package dev.watchword.server.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

final class Ids {

  // UUID.fromString accepts forms like "1-1-1-1-1"; ids from outside must be canonical.
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {}

  static Optional<UUID> parseUuid(String text) {
    if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(text));
  }
}
