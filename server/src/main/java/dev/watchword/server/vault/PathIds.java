package dev.watchword.server.vault;

import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;

/**
 * Ids from request paths. One that is not even well-formed answers 404, exactly like one that does
 * not exist (a Spring converter would answer 400 and tell the two apart).
 */
final class PathIds {

  private PathIds() {}

  static VaultId vault(String text) {
    return VaultId.parse(text).orElseThrow(VaultNotFoundException::new);
  }

  static EntryId entry(String text) {
    return EntryId.parse(text).orElseThrow(EntryNotFoundException::new);
  }
}
