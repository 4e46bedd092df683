package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.GroupCommit;
import dev.watchword.server.web.ProblemException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a sensitive action in one transaction and, when it is refused, records the denial in a
 * transaction of its own: the refused work rolls back, its audit row must not.
 */
@Component
class AuditedRefusals {

  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final GroupCommit groupCommit;

  AuditedRefusals(AuditLog audit, TransactionTemplate transactions, GroupCommit groupCommit) {
    this.audit = audit;
    this.transactions = transactions;
    this.groupCommit = groupCommit;
  }

  <T> T run(Supplier<T> work, Function<ProblemException, AuditEvent> denial) {
    try {
      return transactions.execute(status -> work.get());
    } catch (ProblemException refused) {
      record(denial.apply(refused));
      throw refused;
    }
  }

  /**
   * Like {@link #run}, but the work joins the next group commit (see {@link GroupCommit}): for the
   * hot path, where many requests share one durable commit.
   */
  <T> T runInGroupCommit(Supplier<T> work, Function<ProblemException, AuditEvent> denial) {
    try {
      return groupCommit.run(work);
    } catch (ProblemException refused) {
      record(denial.apply(refused));
      throw refused;
    }
  }

  void record(AuditEvent denial) {
    transactions.executeWithoutResult(status -> audit.record(denial));
  }
}
