package dev.watchword.server.identity;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.shared.RequestOrigin;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to the caller's own second factors, for the API and the web UI alike. Each is a
 * sensitive action: it needs a sign-in or step-up within the last 15 minutes, and it is audited in
 * the transaction that makes it.
 */
@Service
class MyFactors {

  private final Passkeys passkeys;
  private final RecoveryCodes recoveryCodes;
  private final StepUp stepUp;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  MyFactors(Passkeys passkeys, RecoveryCodes recoveryCodes, StepUp stepUp, AuditLog audit,
      TransactionTemplate transactions) {
    this.passkeys = passkeys;
    this.recoveryCodes = recoveryCodes;
    this.stepUp = stepUp;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Removes one of the caller's passkeys; another user's passkey is "not found". */
  void removePasskey(Caller caller, String passkeyId, RequestOrigin origin) {
    stepUp.requireRecentAal2(caller);
    boolean removed = Boolean.TRUE.equals(transactions.execute(status -> {
      if (!passkeys.remove(caller.id(), passkeyId)) {
        return false;
      }
      audit.record(new AuditEvent(caller.id(), caller.username(), "factor.passkey.remove", null, null,
          Decision.ALLOW, null, origin, "passkey=" + passkeyId));
      return true;
    }));
    if (!removed) {
      throw new PasskeyNotFoundException();
    }
  }

  /** Replaces the caller's recovery codes; the old ones stop working at once. */
  List<String> regenerateRecoveryCodes(Caller caller, RequestOrigin origin) {
    stepUp.requireRecentAal2(caller);
    return transactions.execute(status -> {
      List<String> fresh = recoveryCodes.regenerate(caller.id());
      audit.record(AuditEvent.allowed(caller.id(), caller.username(), "factor.recovery.regenerate", null, null,
          origin));
      return fresh;
    });
  }
}
