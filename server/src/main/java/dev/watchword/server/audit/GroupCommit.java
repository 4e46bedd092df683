package dev.watchword.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the hot path (code releases): units of work from many request threads run one
 * after another on a single writer thread inside ONE database transaction, each in a savepoint of
 * its own, and the transaction commits once for all of them. One durable commit (one fsync) then
 * covers a whole batch instead of one release, which is what lets durable audit writes scale.
 *
 * <p>Guarantees: {@link #run} returns only after the transaction holding the unit's writes (its
 * audit event included) has committed; a unit that throws is rolled back to its savepoint and its
 * exception is rethrown to its caller alone, the others still commit; if the commit fails, every
 * unit in the batch fails and none of their results is returned (fail closed). Units see the
 * writes of units before them in the batch (same connection), so e.g. "already released" notices
 * stay exact.
 *
 * <p>A unit's savepoint is set before it runs and rolled back to if it fails, but never released:
 * on PostgreSQL each {@code RELEASE SAVEPOINT} is one more round trip on the writer's connection.
 * Leaving it is safe because units run strictly one after another: when unit N fails, rolling
 * back to its savepoint undoes exactly what ran after that savepoint, which is unit N's work alone
 * (the units before it ran before it was set, the ones after it have not run yet). The savepoints
 * nest instead of following one another, and the commit ends them all.
 */
@Component
public class GroupCommit implements DisposableBean {

  private static final int MAX_BATCH = 512;
  private static final int MAX_QUEUED = 10_000;

  private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
  private final TransactionTemplate batch;
  private final Thread writer;
  private volatile boolean running = true;

  GroupCommit(PlatformTransactionManager transactions) {
    this.batch = new TransactionTemplate(transactions);
    this.writer = new Thread(this::writeLoop, "audit-group-commit");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /**
   * Runs {@code unit} in the next batch and waits for that batch to commit.
   *
   * @throws IllegalStateException if the caller holds a transaction (on SQLite it would hold the
   *     write lock the writer needs)
   */
  public <T> T run(Supplier<T> unit) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("GroupCommit.run must not be called inside a transaction");
    }
    Unit<T> queued = new Unit<>(unit);
    try {
      if (!running || !queue.offer(queued, 5, TimeUnit.SECONDS)) {
        throw new TransientDataAccessResourceException("the audit writer is overloaded or stopping");
      }
      return queued.result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientDataAccessResourceException("interrupted while waiting for the audit commit");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void writeLoop() {
    List<Unit<?>> units = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        units.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(units, MAX_BATCH - 1);
      commit(units);
      units.clear();
    }
    failAll(new TransientDataAccessResourceException("the audit writer stopped"));
  }

  private void commit(List<Unit<?>> units) {
    try {
      batch.executeWithoutResult(status -> units.forEach(unit -> unit.runIn(status)));
    } catch (RuntimeException commitFailed) {
      units.forEach(unit -> unit.result.completeExceptionally(commitFailed));
      return;
    }
    units.forEach(Unit::publish);
  }

  private void failAll(RuntimeException failure) {
    List<Unit<?>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(unit -> unit.result.completeExceptionally(failure));
  }

  @Override
  public void destroy() {
    running = false;
    writer.interrupt();
  }

  /** One caller's work, its outcome held back until the batch has committed. */
  private static final class Unit<T> {
    private final Supplier<T> work;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private T value;
    private RuntimeException failure;

    Unit(Supplier<T> work) {
      this.work = work;
    }

    /**
     * Runs the work after a savepoint of the batch and rolls back to it if the work throws or
     * marked the transaction rollback-only (as a nested transaction would); rolling back also
     * clears that mark, so the other units still commit.
     */
    void runIn(TransactionStatus batch) {
      Object savepoint = batch.createSavepoint();
      try {
        value = work.get();
        if (batch.isRollbackOnly()) {
          throw new UnexpectedRollbackException("the unit marked the transaction rollback-only");
        }
      } catch (RuntimeException e) {
        value = null;
        failure = e;
        batch.rollbackToSavepoint(savepoint);
      }
    }

    void publish() {
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(value);
      }
    }
  }
}
