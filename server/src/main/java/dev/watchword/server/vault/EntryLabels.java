package dev.watchword.server.vault;

import dev.watchword.server.web.PlainTextRule;

/**
 * The rules for an entry's issuer and account, the same when it is added and when it is renamed:
 * at most 256 characters of plain text (no control, invisible formatting or separator characters)
 * and no ':', which Google's Key URI format uses between the two.
 */
final class EntryLabels {

  static final int MAX_LENGTH = 256;

  private EntryLabels() {}

  /**
   * {@code value} stripped, or {@code null} when it is missing or blank.
   *
   * @throws InvalidEntryException naming {@code field} when the value breaks a rule
   */
  static String checked(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidEntryException("Field '" + field + "' is longer than " + MAX_LENGTH + " characters.");
    }
    if (!PlainTextRule.isPlain(value)) {
      throw new InvalidEntryException("Field '" + field + "' must not contain control, invisible formatting or"
          + " separator characters.");
    }
    if (value.indexOf(':') >= 0) {
      // An entry with ':' in either would not export as an otpauth URI.
      throw new InvalidEntryException("Field '" + field + "' must not contain ':'.");
    }
    return value.strip();
  }
}
