package dev.watchword.server.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the audit trail against its own links, its signed checkpoints, the head row and the head
 * file, and says where it first breaks.
 *
 * <p>What each check catches: an edited event fails its link (HMAC under the chain key); a deleted
 * or inserted event breaks the sequence or the next link; two events swapped fail their links; a
 * chain rewritten by someone without the chain key fails at the first rewritten event; the newest
 * events deleted are caught by the head row, by a checkpoint beyond the end, or (if the attacker
 * also fixed those) by the head file outside the database, which is signed and rewritten after
 * every commit; a pruned prefix must end at a signed anchor. A head file that is missing is
 * reported ({@link Verification#headFile()}), not treated as tampering: a fresh installation, or a
 * verifier pointed at another node's data directory, has none.
 *
 * <p>Runs beside live writers: it first reads the head and checks only events up to it.
 */
final class AuditVerifier {

  private static final int BATCH = 2_000;

  private final AuditStore store;
  private final AuditKeys keys;
  private final AuditHeadFile headFile;

  AuditVerifier(AuditStore store, AuditKeys keys, AuditHeadFile headFile) {
    this.store = store;
    this.keys = keys;
    this.headFile = headFile;
  }

  Verification verify() {
    AuditStore.Head head = store.storedHead().orElseThrow(() -> new IllegalStateException("audit_head is missing"));
    List<Checkpoint> checkpoints = store.checkpoints();
    Optional<Checkpoint> anchor = checkpoints.stream().filter(c -> c.kind() == Checkpoint.Kind.ANCHOR)
        .reduce((first, second) -> second);
    long firstSeq = anchor.map(a -> a.seq() + 1).orElse(1L);
    Pass pass = new Pass(firstSeq, anchor.map(Checkpoint::hash).orElse(AuditChain.GENESIS));

    if (anchor.isPresent() && !anchor.get().verifiedBy(keys)) {
      return pass.broken(anchor.get().seq(), "the retention anchor at seq " + anchor.get().seq()
          + " has no valid signature, so where the log starts cannot be trusted");
    }
    Map<Long, Checkpoint> vouched = checkpoints.stream()
        .filter(c -> c.kind() == Checkpoint.Kind.CHECKPOINT && c.seq() >= firstSeq && c.seq() <= head.seq())
        .collect(Collectors.toMap(Checkpoint::seq, Function.identity()));
    for (Checkpoint checkpoint : vouched.values()) {
      if (!checkpoint.verifiedBy(keys)) {
        return pass.broken(checkpoint.seq(), "the checkpoint at seq " + checkpoint.seq() + " has no valid signature");
      }
    }
    Optional<Checkpoint> outside = headFile == null ? Optional.empty() : headFile.read();
    if (outside.isPresent() && !outside.get().verifiedBy(keys)) {
      return pass.broken(outside.get().seq(), "the head file " + headFile.path() + " has no valid signature");
    }

    Verification broken = checkEvents(pass, head.seq(), vouched, outside.orElse(null));
    if (broken != null) {
      return broken;
    }
    long lastSeq = pass.expected - 1;
    if (head.seq() != lastSeq || !Arrays.equals(head.hash(), pass.previousHash)) {
      return pass.broken(lastSeq + 1, "the log ends at seq " + lastSeq + " but its head names seq " + head.seq()
          + ": the newest events were deleted or the head was altered");
    }
    // What lies past the end is tampering only if the head has not since moved past it: writers
    // keep appending while this runs. Read the events' end first, then the head once.
    long stored = store.lastEventSeq();
    long headNow = store.storedHead().map(AuditStore.Head::seq).orElse(0L);
    if (stored > lastSeq && headNow < stored) {
      return pass.broken(lastSeq + 1, "events after the head (up to seq " + stored + ") were added outside the chain");
    }
    Optional<Checkpoint> beyond = checkpoints.stream().filter(c -> c.seq() > lastSeq).findFirst();
    if (beyond.isPresent() && headNow < beyond.get().seq()) {
      return pass.broken(lastSeq + 1, "a signed checkpoint vouches for seq " + beyond.get().seq()
          + " but the log ends at seq " + lastSeq + ": the newest events were deleted");
    }
    if (outside.isPresent() && outside.get().seq() > lastSeq && headNow < outside.get().seq()) {
      return pass.broken(lastSeq + 1, "the head file vouches for seq " + outside.get().seq()
          + " but the log ends at seq " + lastSeq + ": the newest events were deleted");
    }
    return Verification.intact(pass.checked, firstSeq, lastSeq, vouched.size() + (anchor.isPresent() ? 1 : 0),
        outside.isPresent() || lastSeq == 0);
  }

  private Verification checkEvents(Pass pass, long upTo, Map<Long, Checkpoint> vouched, Checkpoint outside) {
    long after = pass.expected - 1;
    List<AuditStore.LinkedEvent> batch;
    do {
      batch = store.eventsBetween(after, upTo, BATCH);
      for (AuditStore.LinkedEvent linked : batch) {
        long seq = linked.event().seq();
        if (seq != pass.expected) {
          return pass.broken(pass.expected, seq > pass.expected
              ? "events " + pass.expected + " to " + (seq - 1) + " are missing"
              : "event " + seq + " is out of order");
        }
        if (!Arrays.equals(linked.previousHash(), pass.previousHash)
            || !keys.chain().verifies(pass.previousHash, linked.event(), linked.hash())) {
          return pass.broken(seq, "event " + seq + " was altered, inserted or moved: its link does not verify");
        }
        if (disagrees(vouched.get(seq), linked.hash()) || (outside != null && outside.seq() == seq
            && disagrees(outside, linked.hash()))) {
          return pass.broken(seq, "event " + seq + " differs from what a signed checkpoint vouches for");
        }
        pass.previousHash = linked.hash();
        pass.expected++;
        pass.checked++;
        after = seq;
      }
    } while (batch.size() == BATCH);
    return null;
  }

  private static boolean disagrees(Checkpoint checkpoint, byte[] hash) {
    return checkpoint != null && !Arrays.equals(checkpoint.hash(), hash);
  }

  /** Where the walk along the chain has got to. */
  private static final class Pass {
    private final long firstSeq;
    private long expected;
    private byte[] previousHash;
    private long checked;

    Pass(long firstSeq, byte[] startHash) {
      this.firstSeq = firstSeq;
      this.expected = firstSeq;
      this.previousHash = startHash;
    }

    Verification broken(long seq, String problem) {
      return Verification.broken(checked, seq, problem, firstSeq, expected - 1);
    }
  }
}
