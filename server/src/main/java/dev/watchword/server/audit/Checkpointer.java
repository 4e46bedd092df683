package dev.watchword.server.audit;

import dev.watchword.server.runtime.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cuts a signed checkpoint every {@code checkpointEvery} events, or at the first event once
 * {@code checkpointInterval} has passed, inside the appending transaction; and after every
 * transaction that appended events commits, signs the chain's new head and writes it to the head
 * file, so that deleting even the newest events (and rolling the head row back) is caught by a
 * verifier that reads the file.
 *
 * <p>The head to publish is read just before the commit, from the transaction's own final state:
 * an append rolled back to a savepoint (group commit) is never published.
 */
@Component
class Checkpointer {

  private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

  private final AuditStore store;
  private final AuditKeyring keyring;
  private final AuditProperties properties;
  private final AuditHeadFile headFile;

  /** Marks a transaction that has already arranged to publish its head. */
  private static final Object PUBLISHING = new Object();

  Checkpointer(AuditStore store, AuditKeyring keyring, AuditProperties properties, DataDirectory dataDirectory) {
    this.store = store;
    this.keyring = keyring;
    this.properties = properties;
    this.headFile = new AuditHeadFile(
        properties.headFile() != null ? properties.headFile() : dataDirectory.resolve("audit-head.json"));
  }

  AuditHeadFile headFile() {
    return headFile;
  }

  /** Called by the appender, in its transaction, after event {@code seq} with link {@code hash}. */
  void afterAppend(long seq, byte[] hash, long at) {
    publishHeadAfterCommit();
    boolean due = store.latestCheckpoint()
        .map(last -> seq - last.seq() >= properties.checkpointEvery()
            || at - last.at() >= properties.checkpointInterval().toMillis())
        .orElse(true);
    if (due) {
      cut(Checkpoint.Kind.CHECKPOINT, seq, hash, at);
    }
  }

  /** Signs and stores a checkpoint in the current transaction. */
  Checkpoint cut(Checkpoint.Kind kind, long seq, byte[] hash, long at) {
    Checkpoint checkpoint = Checkpoint.sign(kind, seq, at, hash, keyring.keys());
    store.insertCheckpoint(checkpoint);
    return checkpoint;
  }

  /** Once per transaction: read the final head before commit, sign and write it after. */
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
        if (status != STATUS_COMMITTED || head == null || head.seq() == 0) {
          return;
        }
        try {
          headFile.write(Checkpoint.sign(Checkpoint.Kind.CHECKPOINT, head.seq(), head.at(), head.hash(),
              keyring.keys()));
        } catch (RuntimeException e) {
          // The events are committed; the copy outside the database is a second line of defence.
          log.error("Audit head file not updated: {}", e.getMessage());
        }
      }
    });
  }
}
