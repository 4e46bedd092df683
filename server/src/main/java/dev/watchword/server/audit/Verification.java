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
 */
public record Verification(boolean valid, long events, Long firstBadSeq, String problem, long firstSeq, long lastSeq,
    long checkpoints) {

  static Verification intact(long events, long firstSeq, long lastSeq, long checkpoints) {
    return new Verification(true, events, null, null, firstSeq, lastSeq, checkpoints);
  }

  static Verification broken(long events, long firstBadSeq, String problem, long firstSeq, long lastSeq,
      long checkpoints) {
    return new Verification(false, events, firstBadSeq, problem, firstSeq, lastSeq, checkpoints);
  }
}
