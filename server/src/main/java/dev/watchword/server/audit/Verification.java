package dev.watchword.server.audit;

/**
 * What a verification of the audit trail found.
 *
 * @param valid whether every stored event, checkpoint and the head agree
 * @param events how many events were checked
 * @param firstBadSeq the first sequence number where the log breaks; {@code null} when valid
 * @param problem what is wrong there, in words; {@code null} when valid
 * @param firstSeq the first event checked (after an anchor left by retention, not 1)
 * @param lastSeq the newest event checked
 * @param checkpoints how many signed checkpoints were checked
 * @param headFile {@code verified} (the signed head outside the database agrees), or {@code missing}
 *     (no head file where one was expected: the newest events are then vouched for only up to the
 *     last checkpoint; an operator should find out why the file is gone)
 */
public record Verification(boolean valid, long events, Long firstBadSeq, String problem, long firstSeq, long lastSeq,
    long checkpoints, String headFile) {

  static Verification intact(long events, long firstSeq, long lastSeq, long checkpoints, boolean headFileFound) {
    return new Verification(true, events, null, null, firstSeq, lastSeq, checkpoints,
        headFileFound ? "verified" : "missing");
  }

  static Verification broken(long events, long firstBadSeq, String problem, long firstSeq, long lastSeq) {
    return new Verification(false, events, firstBadSeq, problem, firstSeq, lastSeq, 0, null);
  }
}
