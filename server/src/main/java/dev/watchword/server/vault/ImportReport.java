package dev.watchword.server.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an import did (or, in a dry run, would do): per entry of the file, its position in the file
 * and whether it is (or would be) imported or is a duplicate of an entry already in the vault or
 * earlier in the file; and the entries that could not be read. Never holds a seed.
 */
record ImportReport(String format, boolean dryRun, int imported, int skipped, List<Item> entries,
    List<Error> errors) {

  /** {@code status} is {@code imported}, {@code new} (dry run) or {@code duplicate}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(String position, String issuer, String account, String type, String status, String id) {}

  record Error(String position, String message) {}
}
