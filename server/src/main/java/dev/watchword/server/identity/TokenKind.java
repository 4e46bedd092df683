package dev.watchword.server.identity;

import java.util.Locale;

/**
 * Why an access token was issued. Development tokens are purged whenever a dev server starts or
 * stops; session tokens live at most {@link #SESSION_ACCESS_LIFETIME_MINUTES} minutes.
 */
enum TokenKind {
  DEV,
  SESSION;

  static final int SESSION_ACCESS_LIFETIME_MINUTES = 15;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
