package dev.watchword.server.audit;

import java.time.Instant;

/**
 * Where the audit log stands, as its head row says, without verifying anything.
 *
 * @param newestSeq the newest event's sequence number (0 when the log is empty)
 * @param newestAt when the newest event was written; {@code null} when the log is empty
 * @param checkpointSeq the sequence number the newest signed checkpoint vouches for; {@code null} when none
 * @param checkpointAt when that checkpoint was cut; {@code null} when none
 */
record AuditStatus(long newestSeq, Instant newestAt, Long checkpointSeq, Instant checkpointAt) {

  static AuditStatus of(long seq, long at, long checkpointSeq, long checkpointAt) {
    return new AuditStatus(seq, seq == 0 ? null : Instant.ofEpochMilli(at),
        checkpointSeq == 0 ? null : checkpointSeq, checkpointSeq == 0 ? null : Instant.ofEpochMilli(checkpointAt));
  }
}
