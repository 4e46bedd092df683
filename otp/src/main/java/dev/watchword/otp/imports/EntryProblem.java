package dev.watchword.otp.imports;

import java.io.Serial;

/**
 * One entry cannot be read; {@link EntryCollector} turns it into an {@link ImportProblem}. Messages are
 * constants or name fields and counts, never field values.
 */
final class EntryProblem extends RuntimeException {

  @Serial
  private static final long serialVersionUID = 1L;

  EntryProblem(String message) {
    super(message, null, false, false);
  }
}
