package dev.watchword.server.audit;

import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The chain's head as the current transaction holds it: claimed from {@code audit_head} (which
 * locks the row until the transaction ends) at the transaction's first append, advanced in memory
 * by each append, written back once just before the commit, and handed to the {@link
 * HeadPublisher} after it. A group commit of 500 releases thus reads and writes the head row once,
 * not twice per release.
 *
 * <p>Guarantees: while a transaction holds the head, no other transaction on any node can append
 * (it waits for the row lock, as with a claim per event), so the chain stays linear; rolling back
 * to a savepoint restores the head as it was at that savepoint (or gives up the claim, which the
 * database released too), so a release undone inside a group commit leaves no gap and no fork;
 * only a committed head is published. Not thread-safe: one transaction, one thread.
 */
final class TransactionHead implements TransactionSynchronization {

  private static final Object KEY = TransactionHead.class;

  private final AuditStore store;
  private final HeadPublisher publisher;
  private final Map<Object, State> atSavepoint = new IdentityHashMap<>();
  private State state = State.UNCLAIMED;
  private long claimedSeq;

  private TransactionHead(AuditStore store, HeadPublisher publisher) {
    this.store = store;
    this.publisher = publisher;
  }

  /** The current transaction's head, claimed now if this is its first append. */
  static TransactionHead claim(AuditStore store, HeadPublisher publisher) {
    TransactionHead head = (TransactionHead) TransactionSynchronizationManager.getResource(KEY);
    if (head == null) {
      head = new TransactionHead(store, publisher);
      TransactionSynchronizationManager.bindResource(KEY, head);
      TransactionSynchronizationManager.registerSynchronization(head);
    }
    if (head.state == State.UNCLAIMED) {
      AuditStore.Claim claim = store.claimHead();
      head.claimedSeq = claim.seq();
      head.state = new State(true, claim.seq(), claim.hash(), claim.at(), claim.checkpointSeq(), claim.checkpointAt());
    }
    return head;
  }

  long seq() {
    return state.seq;
  }

  byte[] hash() {
    return state.hash;
  }

  long at() {
    return state.at;
  }

  /** Where the newest signed checkpoint stands (0 when there is none). */
  long checkpointSeq() {
    return state.checkpointSeq;
  }

  long checkpointAt() {
    return state.checkpointAt;
  }

  /** The event {@code seq} with link {@code hash} at {@code at} is stored: it is the new head. */
  void appended(long seq, byte[] hash, long at) {
    state = new State(true, seq, hash, at, state.checkpointSeq, state.checkpointAt);
  }

  /** A checkpoint at {@code seq} is stored. */
  void checkpointed(long seq, long at) {
    state = new State(true, state.seq, state.hash, state.at, seq, at);
  }

  @Override
  public void savepoint(Object savepoint) {
    atSavepoint.put(savepoint, state);
  }

  @Override
  public void savepointRollback(Object savepoint) {
    // A savepoint this head never saw was set before the claim: the rollback undoes the claim too.
    state = atSavepoint.getOrDefault(savepoint, State.UNCLAIMED);
  }

  @Override
  public void suspend() {
    TransactionSynchronizationManager.unbindResource(KEY);
  }

  @Override
  public void resume() {
    TransactionSynchronizationManager.bindResource(KEY, this);
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    if (appendedAny()) {
      store.moveHead(claimedSeq, state.seq, state.hash, state.at);
    }
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    if (status == STATUS_COMMITTED && appendedAny()) {
      publisher.publish(new AuditStore.Head(state.seq, state.hash, state.at));
    }
  }

  private boolean appendedAny() {
    return state.claimed && state.seq != claimedSeq;
  }

  /** Immutable, so a savepoint keeps the state it saw. */
  private record State(boolean claimed, long seq, byte[] hash, long at, long checkpointSeq, long checkpointAt) {
    static final State UNCLAIMED = new State(false, 0, null, 0, 0, 0);
  }
}
