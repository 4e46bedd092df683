package dev.watchword.otp.imports;

import dev.watchword.otp.OtpFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gathers the entries of one file in order, turning each refused entry into an {@link ImportProblem} and
 * enforcing {@link ImportLimits#maxEntries()} over good and bad entries together.
 */
final class EntryCollector {

  private final int maxEntries;
  private final List<ImportedEntry> entries = new ArrayList<>();
  private final List<ImportProblem> problems = new ArrayList<>();

  EntryCollector(ImportLimits limits) {
    this.maxEntries = limits.maxEntries();
  }

  /** Throws early when a format states its entry count up front. */
  void expect(int count, String where) {
    if (count > maxEntries - size()) {
      throw tooMany(where);
    }
  }

  /** Builds the entry, or records why it could not be built. */
  void add(String position, Supplier<Candidate> reader) {
    countOne(position);
    try {
      entries.add(new ImportedEntry(position, reader.get().build()));
    } catch (OtpFormatException | EntryProblem refused) {
      problems.add(new ImportProblem(position, refused.getMessage()));
    }
  }

  void problem(String position, String message) {
    countOne(position);
    problems.add(new ImportProblem(position, message));
  }

  /** A remark about the file that is not one entry, e.g. a missing migration batch; not counted. */
  void note(String position, String message) {
    problems.add(new ImportProblem(position, message));
  }

  int size() {
    return entries.size() + problems.size();
  }

  ImportResult result(ImportFormat format) {
    return new ImportResult(format, entries, problems);
  }

  private void countOne(String position) {
    if (size() >= maxEntries) {
      throw tooMany(position);
    }
  }

  private ImportFormatException tooMany(String where) {
    return Refused.limit(where, "the file has more than " + maxEntries + " entries");
  }
}
