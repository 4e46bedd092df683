package dev.watchword.otp.imports;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google Authenticator splits a large export over several QR codes: each payload names its batch_id, its
 * batch_index and the batch_size. This keeps track of which parts were seen, so that a code scanned twice is read
 * once and a code never scanned is reported rather than silently missing.
 */
final class MigrationBatches {

  private record Batch(int size, BitSet seen) {
  }

  private final Map<Integer, Batch> batches = new LinkedHashMap<>();

  /** False when this part was already read (or contradicts the batch's size), so its entries are skipped. */
  boolean firstSight(GoogleMigration.Payload payload) {
    Batch batch = batches.computeIfAbsent(payload.batchId(), id -> new Batch(payload.batchSize(), new BitSet()));
    if (batch.size() != payload.batchSize()) {
      throw new EntryProblem("this otpauth-migration code belongs to an export of another size; "
          + "import the QR codes of one export at a time");
    }
    if (batch.seen().get(payload.batchIndex())) {
      return false;
    }
    batch.seen().set(payload.batchIndex());
    return true;
  }

  /** One note per export with parts missing, naming them 1-based as the app numbers its QR codes. */
  void reportMissing(EntryCollector collector) {
    for (Batch batch : batches.values()) {
      int missing = batch.size() - batch.seen().cardinality();
      if (missing == 0) {
        continue;
      }
      StringBuilder parts = new StringBuilder();
      for (int i = batch.seen().nextClearBit(0); i < batch.size(); i = batch.seen().nextClearBit(i + 1)) {
        parts.append(parts.length() == 0 ? "" : ", ").append(i + 1);
        if (parts.length() > 200) {
          parts.append(", ...");
          break;
        }
      }
      collector.note("Google Authenticator export", "QR code " + parts + " of " + batch.size()
          + " of this export " + (missing == 1 ? "is" : "are") + " missing; its accounts were not imported. "
          + "Scan every QR code the app shows");
    }
  }
}
