package dev.watchword.otp.imports;

import dev.watchword.otp.OtpauthUri;
import java.util.List;

/**
 * Reads texts that are each one otpauth URI or one otpauth-migration URI, as found on the lines of a text file or
 * in the QR codes of an image, into a collector. Every entry of a migration payload gets the position of its
 * text plus its index, e.g. "line 2, entry 3".
 */
final class UriEntries {

  private final EntryCollector collector;
  private final ImportLimits limits;
  private final MigrationBatches batches = new MigrationBatches();
  private boolean sawOtpauth;
  private boolean sawMigration;

  UriEntries(EntryCollector collector, ImportLimits limits) {
    this.collector = collector;
    this.limits = limits;
  }

  void add(String position, String text) {
    if (GoogleMigration.isMigrationUri(text)) {
      sawMigration = true;
      addMigration(position, text);
    } else if (text.regionMatches(true, 0, "otpauth://", 0, "otpauth://".length())) {
      sawOtpauth = true;
      collector.add(position, () -> Candidate.of(OtpauthUri.parse(text)));
    } else {
      collector.problem(position, "not an otpauth:// or otpauth-migration:// URI");
    }
  }

  /** True when every URI read was an otpauth-migration URI. */
  boolean onlyMigration() {
    return sawMigration && !sawOtpauth;
  }

  /** Notes the parts of multi-code migration exports that were never seen. */
  void finish() {
    batches.reportMissing(collector);
  }

  private void addMigration(String position, String text) {
    GoogleMigration.Payload payload;
    try {
      payload = GoogleMigration.decode(text, limits);
      if (!batches.firstSight(payload)) {
        return;
      }
    } catch (EntryProblem refused) {
      collector.problem(position, refused.getMessage());
      return;
    }
    List<byte[]> parameters = payload.parameters();
    collector.expect(parameters.size(), position);
    for (int i = 0; i < parameters.size(); i++) {
      byte[] message = parameters.get(i);
      collector.add(position + ", entry " + (i + 1), () -> GoogleMigration.candidate(message));
      java.util.Arrays.fill(message, (byte) 0);
    }
  }
}
