package dev.watchword.server.audit;

import java.util.Locale;

/** Whether the audited request was allowed or denied. */
public enum Decision {
  ALLOW, DENY;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
