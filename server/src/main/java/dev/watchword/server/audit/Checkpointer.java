package dev.watchword.server.audit;

import dev.watchword.server.runtime.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cuts a signed checkpoint every {@code checkpointEvery} events, or at the first event once
 * {@code checkpointInterval} has passed, inside the appending transaction; after that transaction
 * commits, copies the checkpoint to the head file.
 */
@Component
class Checkpointer {

  private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

  private final AuditStore store;
  private final AuditKeyring keyring;
  private final AuditProperties properties;
  private final AuditHeadFile headFile;

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
    boolean due = store.latestCheckpoint()
        .map(last -> seq - last.seq() >= properties.checkpointEvery()
            || at - last.at() >= properties.checkpointInterval().toMillis())
        .orElse(true);
    if (due) {
      cut(Checkpoint.Kind.CHECKPOINT, seq, hash, at);
    }
  }

  /** Signs and stores a checkpoint in the current transaction; the head file follows the commit. */
  Checkpoint cut(Checkpoint.Kind kind, long seq, byte[] hash, long at) {
    Checkpoint checkpoint = Checkpoint.sign(kind, seq, at, hash, keyring.keys());
    store.insertCheckpoint(checkpoint);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          headFile.write(checkpoint);
        } catch (RuntimeException e) {
          // The checkpoint is committed; the copy outside the database is a second line of defence.
          log.error("Audit head file not updated: {}", e.getMessage());
        }
      }
    });
    return checkpoint;
  }
}
