package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.GroupCommit;
import org.springframework.stereotype.Component;

/**
 * Records that context policies allowed a vault request ({@code policy.allow}), before the
 * permitted work runs and apart from it: the permit is a fact whatever the work then does. It
 * joins the next group commit, so busy pages share durable commits; if it cannot be written the
 * request fails and the work never runs.
 */
@Component
class PolicyPermits {

  private final AuditLog audit;
  private final GroupCommit groupCommit;

  PolicyPermits(AuditLog audit, GroupCommit groupCommit) {
    this.audit = audit;
    this.groupCommit = groupCommit;
  }

  void record(AuditEvent permit) {
    groupCommit.run(() -> {
      audit.record(permit);
      return null;
    });
  }
}
