package dev.watchword.server.identity;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.identity.SignInChallenges.Challenge;
import dev.watchword.server.identity.SignInChallenges.Purpose;
import dev.watchword.server.identity.password.PasswordHasher;
import dev.watchword.server.identity.password.PasswordHashingBusyException;
import dev.watchword.server.identity.password.PasswordPolicy;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.web.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in for people: password first, then a second factor; a user without one may only enrol.
 *
 * <p>Guarantees: every attempt is throttled per account and per address before any work is
 * done; an unknown user, a disabled user and a wrong password cost one Argon2id verification
 * each and get the same answer; every step, allowed or denied, is audited with its method and
 * never with the password, code or token; a session starts only after the second factor.
 */
@Service
class SignInService {

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final SignInThrottle throttle;
  private final SignInChallenges challenges;
  private final TotpFactor totp;
  private final SecondFactors secondFactors;
  private final RecoveryCodes recoveryCodes;
  private final Sessions sessions;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  SignInService(UserRepository users, PasswordHasher hasher, SignInThrottle throttle, SignInChallenges challenges,
      TotpFactor totp, SecondFactors secondFactors, RecoveryCodes recoveryCodes, Sessions sessions, AuditLog audit,
      TransactionTemplate transactions) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.challenges = challenges;
    this.totp = totp;
    this.secondFactors = secondFactors;
    this.recoveryCodes = recoveryCodes;
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Step 1: the password. Returns whether the user must now give a factor or enrol one. */
  PasswordOutcome password(String username, String password, RequestOrigin origin) {
    List<String> keys = SignInThrottle.keys(username, origin.clientIp());
    inTransaction(() -> refuseIfThrottled(keys, () -> users.findAccount(username), username, origin));
    // Outside any transaction: Argon2id takes tens of milliseconds and must not hold a lock.
    Optional<UserAccount> account = users.findAccount(username);
    String hash = account.filter(a -> !a.isDisabled()).map(UserAccount::passwordHash).orElse(null);
    boolean valid;
    try {
      valid = hasher.verify(PasswordPolicy.normalise(password), hash) && hash != null;
    } catch (PasswordHashingBusyException busy) {
      throw new HashingBusyException(busy);
    }
    return inTransaction(() -> {
      if (!valid) {
        throttle.recordFailure(keys);
        audit.record(signIn(account, username, "signin.password", Decision.DENY, origin,
            account.isEmpty() ? "unknown user" : account.get().isDisabled() ? "disabled user" : "wrong password"));
        throw new CommittedFailure(new SignInFailedException());
      }
      UserId user = account.get().caller().id();
      upgradeHashIfWeaker(user, hash, password);
      // A passkey is a second factor too; it signs in on its own (PasskeySignIn).
      boolean enrolled = secondFactors.hasAny(user);
      Purpose purpose = enrolled ? Purpose.MFA : Purpose.ENROL;
      audit.record(signIn(account, username, "signin.password", Decision.ALLOW, origin, "method=pwd"));
      return new PasswordOutcome(enrolled ? "MFA_REQUIRED" : "ENROLMENT_REQUIRED", challenges.create(user, purpose));
    });
  }

  /**
   * Rehashes a correct password whose stored hash used weaker parameters than today's, so
   * raising the Argon2id cost upgrades accounts as their owners sign in.
   */
  private void upgradeHashIfWeaker(UserId user, String storedHash, String password) {
    if (hasher.needsRehash(storedHash)) {
      users.updatePasswordHash(user, hasher.hash(PasswordPolicy.normalise(password)));
    }
  }

  /** Enrolment, step 1: a new TOTP secret for the user to scan; the same one when asked again. */
  String beginTotpEnrolment(String challengeToken) {
    return inTransaction(() -> {
      Challenge challenge = challenges.find(challengeToken, Purpose.ENROL).orElseThrow(SignInFailedException::new);
      UserAccount account = users.findAccount(challenge.user()).orElseThrow(SignInFailedException::new);
      String username = account.caller().username();
      if (challenge.pendingSecret() != null) {
        return totp.pendingUri(challenge.hash(), username, challenge.pendingSecret());
      }
      TotpFactor.PendingEnrolment pending = totp.newEnrolment(challenge.hash(), username);
      challenges.storePendingSecret(challenge, pending.sealedSecret());
      return pending.uri();
    });
  }

  /** Enrolment, step 2: a code proves the app has the secret; the session starts. */
  CompletedSignIn confirmTotpEnrolment(String challengeToken, String code, RequestOrigin origin) {
    return inTransaction(() -> {
      Challenge challenge = challenges.find(challengeToken, Purpose.ENROL)
          .filter(c -> c.pendingSecret() != null)
          .orElseThrow(SignInFailedException::new);
      UserAccount account = users.findAccount(challenge.user()).orElseThrow(SignInFailedException::new);
      if (!totp.confirm(challenge.user(), challenge.hash(), challenge.pendingSecret(), code)) {
        return failSecondFactor(challenge, account, "factor.totp.enrol", origin);
      }
      audit.record(signIn(Optional.of(account), null, "factor.totp.enrol", Decision.ALLOW, origin, "method=otp"));
      List<String> codes = recoveryCodes.regenerate(challenge.user());
      return complete(challenge, account, "pwd,otp", origin, codes);
    });
  }

  /** Sign-in, step 2 with a TOTP code; a code already accepted once is refused. */
  CompletedSignIn totp(String challengeToken, String code, RequestOrigin origin) {
    return secondFactor(challengeToken, origin, "signin.totp", "pwd,otp",
        challenge -> totp.verify(challenge.user(), code));
  }

  /** Sign-in, step 2 with a single-use recovery code. */
  CompletedSignIn recoveryCode(String challengeToken, String code, RequestOrigin origin) {
    return secondFactor(challengeToken, origin, "signin.recovery", "pwd,recovery",
        challenge -> recoveryCodes.use(challenge.user(), code));
  }

  /**
   * RFC 9470 step-up within a live session: a fresh TOTP code (never one accepted before)
   * renews the session's authentication time. Throttled like any sign-in.
   */
  void stepUp(Caller caller, String code, RequestOrigin origin) {
    if (caller.sessionId() == null) {
      return;
    }
    List<String> keys = SignInThrottle.keys(caller.username(), origin.clientIp());
    inTransaction(() -> refuseIfThrottled(keys, () -> users.findAccount(caller.id()), caller.username(), origin));
    inTransaction(() -> {
      boolean valid = totp.verify(caller.id(), code);
      audit.record(new AuditEvent(caller.id(), caller.username(), "signin.stepup", null, null,
          valid ? Decision.ALLOW : Decision.DENY, null, origin, "method=otp session=" + caller.sessionId()));
      if (!valid) {
        throttle.recordFailure(keys);
        throw new CommittedFailure(new SignInFailedException());
      }
      sessions.reauthenticated(caller.id(), caller.sessionId());
      return null;
    });
  }

  private CompletedSignIn secondFactor(String challengeToken, RequestOrigin origin, String action, String methods,
      java.util.function.Predicate<Challenge> check) {
    return inTransaction(() -> {
      Challenge challenge = challenges.find(challengeToken, Purpose.MFA).orElseThrow(SignInFailedException::new);
      UserAccount account = users.findAccount(challenge.user()).orElseThrow(SignInFailedException::new);
      List<String> keys = SignInThrottle.keys(account.caller().username(), origin.clientIp());
      refuseIfThrottled(keys, () -> Optional.of(account), null, origin);
      if (!check.test(challenge)) {
        return failSecondFactor(challenge, account, action, origin);
      }
      return complete(challenge, account, methods, origin, null);
    });
  }

  private CompletedSignIn failSecondFactor(Challenge challenge, UserAccount account, String action,
      RequestOrigin origin) {
    challenges.recordFailure(challenge);
    throttle.recordFailure(SignInThrottle.keys(account.caller().username(), origin.clientIp()));
    audit.record(signIn(Optional.of(account), null, action, Decision.DENY, origin, "wrong or reused code"));
    // Commit the failure count even though the request fails.
    throw new CommittedFailure(new SignInFailedException());
  }

  private CompletedSignIn complete(Challenge challenge, UserAccount account, String methods, RequestOrigin origin,
      List<String> newRecoveryCodes) {
    if (!challenges.consume(challenge)) {
      throw new SignInFailedException();
    }
    UserId user = account.caller().id();
    throttle.reset(SignInThrottle.keys(account.caller().username(), origin.clientIp()));
    IssuedTokens tokens = sessions.start(user, AssuranceLevel.AAL2, methods, origin);
    audit.record(signIn(Optional.of(account), null, "signin.success", Decision.ALLOW, origin,
        "method=" + methods + " aal=2 session=" + tokens.sessionId()));
    return new CompletedSignIn(tokens, newRecoveryCodes);
  }

  /**
   * Runs inside {@link #inTransaction}: when the throttle holds, audits the refusal and fails with a
   * {@link CommittedFailure}, so the audit row commits even when this is part of a larger
   * transaction (the second factor's). Returns null otherwise, for use as a transaction's work.
   */
  private Void refuseIfThrottled(List<String> keys, Supplier<Optional<UserAccount>> account, String attemptedName,
      RequestOrigin origin) {
    throttle.retryAfter(keys).ifPresent(wait -> {
      audit.record(signIn(account.get(), attemptedName, "signin.throttled", Decision.DENY, origin,
          "retry after " + wait.toSeconds() + " s"));
      throw new CommittedFailure(new TooManyAttemptsException(wait));
    });
    return null;
  }

  /**
   * Runs in one transaction. A {@link CommittedFailure} commits what was written (failure
   * counts, audit) and then fails the request; any other exception rolls everything back.
   */
  private <T> T inTransaction(Supplier<T> work) {
    Object[] failure = new Object[1];
    T result = transactions.execute(status -> {
      try {
        return work.get();
      } catch (CommittedFailure e) {
        failure[0] = e.problem;
        return null;
      }
    });
    if (failure[0] != null) {
      throw (ProblemException) failure[0];
    }
    return result;
  }

  private static AuditEvent signIn(Optional<UserAccount> account, String attemptedName, String action,
      Decision decision, RequestOrigin origin, String detail) {
    UserId id = account.map(a -> a.caller().id()).orElse(null);
    String name = account.map(a -> a.caller().username()).orElse(AuditNames.attempted(attemptedName));
    return new AuditEvent(id, name, action, null, null, decision, null, origin, detail);
  }

  /** A failure whose writes must survive: thrown inside a transaction, rethrown after commit. */
  private static final class CommittedFailure extends RuntimeException {
    private final ProblemException problem;

    CommittedFailure(ProblemException problem) {
      super(null, null, false, false);
      this.problem = problem;
    }
  }

  record PasswordOutcome(String status, String challenge) {

    @Override
    public String toString() {
      return "PasswordOutcome[" + status + "]";
    }
  }

  record CompletedSignIn(IssuedTokens tokens, List<String> recoveryCodes) {

    @Override
    public String toString() {
      return "CompletedSignIn[" + tokens + "]";
    }
  }
}
