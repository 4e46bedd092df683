package dev.watchword.server.identity;

import java.util.Locale;

/** A user's role in the organisation (vault roles are separate, per vault). */
public enum OrgRole {
  OWNER, ADMIN, MEMBER, AUDITOR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OrgRole fromWire(String stored) {
    return valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
