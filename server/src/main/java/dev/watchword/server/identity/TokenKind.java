package dev.watchword.server.identity;

import java.util.Locale;

/** Why a token was issued; development tokens are purged whenever a dev server starts or stops. */
enum TokenKind {
  DEV;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
