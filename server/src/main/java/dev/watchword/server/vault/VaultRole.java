package dev.watchword.server.vault;

import java.util.Locale;

/** A member's role in one vault; each role includes the rights of the ones before it. */
public enum VaultRole {
  /** Lists entries and gets codes. */
  VIEWER,
  /** Also adds, edits and deletes entries. */
  EDITOR,
  /** Also manages members and the vault's settings. */
  MANAGER;

  /** The wire names as a pattern, for the annotations and forms that take a role. */
  static final String WIRE_NAMES = "viewer|editor|manager";

  public boolean includes(VaultRole other) {
    return compareTo(other) >= 0;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static VaultRole fromWire(String stored) {
    return valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
