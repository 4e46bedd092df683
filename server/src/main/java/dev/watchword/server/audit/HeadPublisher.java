package dev.watchword.server.audit;

import dev.watchword.server.runtime.DataDirectory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Signs the chain's newest committed head and writes it to the {@link AuditHeadFile}, on a thread
 * of its own: the committing thread (for code releases, the group-commit writer) only hands the
 * head over. Heads that arrive while a write is under way collapse into one signature and one
 * write of the newest, so under load the file costs far less than one write per commit.
 *
 * <p>The file is a second line of defence: a failed write is logged, never fails a request.
 */
@Component
class HeadPublisher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(HeadPublisher.class);

  private final AuditKeyring keyring;
  private final AuditHeadFile headFile;
  private final AtomicReference<AuditStore.Head> pending = new AtomicReference<>();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "audit-head-file");
    thread.setDaemon(true);
    return thread;
  });

  HeadPublisher(AuditKeyring keyring, AuditProperties properties, DataDirectory dataDirectory) {
    this.keyring = keyring;
    this.headFile = new AuditHeadFile(
        properties.headFile() != null ? properties.headFile() : dataDirectory.resolve(AuditHeadFile.DEFAULT_NAME));
  }

  AuditHeadFile headFile() {
    return headFile;
  }

  /** Queues {@code head} (a committed one) for the file, unless a newer head is already queued. */
  void publish(AuditStore.Head head) {
    AuditStore.Head before = pending.getAndAccumulate(head, (queued, offered) ->
        queued != null && queued.seq() >= offered.seq() ? queued : offered);
    if (before == null) {
      writer.execute(this::writeNewest);
    }
  }

  /** Waits until every head handed over so far is in the file (tests, shutdown). */
  void flush() {
    try {
      writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("Audit head file not flushed: {}", e.toString());
    }
  }

  private void writeNewest() {
    AuditStore.Head head = pending.getAndSet(null);
    if (head == null) {
      return;
    }
    try {
      headFile.write(Checkpoint.sign(Checkpoint.Kind.CHECKPOINT, head.seq(), head.at(), head.hash(),
          keyring.keys()));
    } catch (RuntimeException e) {
      log.error("Audit head file not updated: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    flush();
    writer.shutdown();
  }
}
