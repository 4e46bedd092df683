package dev.watchword.server.audit;

import org.springframework.stereotype.Component;

/**
 * Cuts a signed checkpoint every {@code checkpointEvery} events, or at the first event once
 * {@code checkpointInterval} has passed, inside the appending transaction. (After every
 * transaction that appended events commits, {@link TransactionHead} hands the chain's new head to
 * the {@link HeadPublisher}, which signs it and writes it to the head file, so that deleting even
 * the newest events, and rolling the head row back, is caught by a verifier that reads the file.)
 */
@Component
class Checkpointer {

  private final AuditStore store;
  private final AuditKeyring keyring;
  private final AuditProperties properties;

  Checkpointer(AuditStore store, AuditKeyring keyring, AuditProperties properties) {
    this.store = store;
    this.keyring = keyring;
    this.properties = properties;
  }

  /** Called by the appender, in its transaction, once {@code head} has moved to the new event. */
  void afterAppend(TransactionHead head) {
    boolean due = head.checkpointSeq() == 0
        || head.seq() - head.checkpointSeq() >= properties.checkpointEvery()
        || head.at() - head.checkpointAt() >= properties.checkpointInterval().toMillis();
    if (due) {
      cut(Checkpoint.Kind.CHECKPOINT, head.seq(), head.hash(), head.at());
      head.checkpointed(head.seq(), head.at());
    }
  }

  /** Signs and stores a checkpoint in the current transaction. */
  Checkpoint cut(Checkpoint.Kind kind, long seq, byte[] hash, long at) {
    Checkpoint checkpoint = Checkpoint.sign(kind, seq, at, hash, keyring.keys());
    store.insertCheckpoint(checkpoint);
    return checkpoint;
  }
}
