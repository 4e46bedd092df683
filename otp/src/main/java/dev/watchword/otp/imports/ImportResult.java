package dev.watchword.otp.imports;

import java.util.List;

/**
 * What an import file held: the entries that were read and the problems with those that were not.
 *
 * <p>Guarantees: no field is null; both lists are unmodifiable and in file order; an entry appears in exactly one
 * of them; {@link #toString()} never reveals a seed.
 *
 * @param format   the detected format
 * @param entries  the credentials read, each with its position
 * @param problems the entries that could not be read, each with its position and a message
 */
public record ImportResult(ImportFormat format, List<ImportedEntry> entries, List<ImportProblem> problems) {

  public ImportResult {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /** True when every entry was read. */
  public boolean isComplete() {
    return problems.isEmpty();
  }
}
