package dev.watchword.server.audit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cuts a signed checkpoint every {@code checkpointEvery} events, or at the first event once
 * {@code checkpointInterval} has passed, inside the appending transaction; and after every
 * transaction that appended events commits, hands the chain's new head to the {@link
 * HeadPublisher}, which signs it and writes it to the head file, so that deleting even the newest events (and rolling the head row back) is caught by a
 * verifier that reads the file.
 *
 * <p>The head to publish is read just before the commit, from the transaction's own final state:
 * an append rolled back to a savepoint (group commit) is never published.
 */
@Component
class Checkpointer {

  private final AuditStore store;
  private final AuditKeyring keyring;
  private final AuditProperties properties;
  private final HeadPublisher publisher;

  /** Marks a transaction that has already arranged to publish its head. */
  private static final Object PUBLISHING = new Object();

  Checkpointer(AuditStore store, AuditKeyring keyring, AuditProperties properties, HeadPublisher publisher) {
    this.store = store;
    this.keyring = keyring;
    this.properties = properties;
    this.publisher = publisher;
  }

  /**
   * Called by the appender, in its transaction, after the claimed event with link {@code hash} at
   * {@code at}; returns whether a checkpoint was cut at it.
   */
  boolean afterAppend(AuditStore.Claim claim, byte[] hash, long at) {
    publishHeadAfterCommit();
    boolean due = claim.checkpointSeq() == 0
        || claim.seq() - claim.checkpointSeq() >= properties.checkpointEvery()
        || at - claim.checkpointAt() >= properties.checkpointInterval().toMillis();
    if (due) {
      cut(Checkpoint.Kind.CHECKPOINT, claim.seq(), hash, at);
    }
    return due;
  }

  /** Signs and stores a checkpoint in the current transaction. */
  Checkpoint cut(Checkpoint.Kind kind, long seq, byte[] hash, long at) {
    Checkpoint checkpoint = Checkpoint.sign(kind, seq, at, hash, keyring.keys());
    store.insertCheckpoint(checkpoint);
    return checkpoint;
  }

  /** Once per transaction: read the final head before commit, hand it to the publisher after. */
  private void publishHeadAfterCommit() {
    if (TransactionSynchronizationManager.hasResource(PUBLISHING)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(PUBLISHING, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      private AuditStore.Head head;

      @Override
      public void beforeCommit(boolean readOnly) {
        head = store.storedHead().orElse(null);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(PUBLISHING);
        if (status == STATUS_COMMITTED && head != null && head.seq() > 0) {
          publisher.publish(head);
        }
      }
    });
  }
}
