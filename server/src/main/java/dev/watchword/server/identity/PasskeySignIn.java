package dev.watchword.server.identity;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with a passkey: one phishing-resistant, user-verified authenticator that is both
 * factors at once (NIST SP 800-63B Rev. 4 §2.3: AAL3), so a session starts at AAL3 with the
 * method {@code hwk} (RFC 8176) and AAL3's 12 h absolute and 15 min idle limits.
 *
 * <p>Guarantees: throttled per account (when the credential is known) and per client address
 * before the assertion is verified; an unknown credential, a disabled user and a failed
 * assertion get the same answer; every outcome is audited with the passkey's owner and never
 * with key material, signature or client data.
 */
@Service
class PasskeySignIn {

  static final String METHODS = "hwk";

  private final Passkeys passkeys;
  private final PasskeyUserEntities userEntities;
  private final UserRepository users;
  private final SignInThrottle throttle;
  private final Sessions sessions;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  PasskeySignIn(Passkeys passkeys, PasskeyUserEntities userEntities, UserRepository users, SignInThrottle throttle,
      Sessions sessions, AuditLog audit, TransactionTemplate transactions) {
    this.passkeys = passkeys;
    this.userEntities = userEntities;
    this.users = users;
    this.throttle = throttle;
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = transactions;
  }

  /**
   * Runs the assertion ceremony for a credential once the throttle allows it and its owner is
   * enabled; throws {@link TooManyAttemptsException} or {@link SignInFailedException}, audited.
   */
  PublicKeyCredentialUserEntity verify(Bytes credentialId, RequestOrigin origin,
      Supplier<PublicKeyCredentialUserEntity> ceremony) {
    Optional<UserAccount> account = passkeys.findOwner(credentialId).flatMap(users::findAccount);
    List<String> keys = keys(account, origin);
    throttle.retryAfter(keys).ifPresent(wait -> {
      transactions.executeWithoutResult(status -> audit.record(event(account, "signin.throttled", Decision.DENY,
          origin, "method=" + METHODS + " retry after " + wait.toSeconds() + " s")));
      throw new TooManyAttemptsException(wait);
    });
    if (account.isEmpty() || account.get().isDisabled()) {
      throw failed(account, keys, origin, account.isEmpty() ? "unknown passkey" : "disabled user");
    }
    try {
      return transactions.execute(status -> ceremony.get());
    } catch (PossibleClonedPasskeyException clone) {
      throw failed(account, keys, origin, clone.getMessage());
    } catch (RuntimeException refused) {
      throw failed(account, keys, origin, "assertion refused");
    }
  }

  /** A request that never reached verification (malformed, or no ceremony in progress). */
  void malformed(RequestOrigin origin) {
    failed(Optional.empty(), keys(Optional.empty(), origin), origin, "malformed or expired ceremony");
  }

  /** Starts the AAL3 session of a verified assertion's user, in one transaction with its audit. */
  IssuedTokens complete(PublicKeyCredentialUserEntity entity, RequestOrigin origin) {
    IssuedTokens tokens = transactions.execute(status -> {
      Optional<UserAccount> account = userEntities.findUser(entity.getId()).flatMap(users::findAccount)
          .filter(a -> !a.isDisabled());
      if (account.isEmpty()) {
        return null;
      }
      UserId user = account.get().caller().id();
      throttle.reset(keys(account, origin));
      IssuedTokens started = sessions.start(user, AssuranceLevel.AAL3, METHODS, origin);
      audit.record(event(account, "signin.passkey", Decision.ALLOW, origin, "method=" + METHODS + " uv=required"));
      audit.record(event(account, "signin.success", Decision.ALLOW, origin,
          "method=" + METHODS + " aal=3 session=" + started.sessionId()));
      return started;
    });
    if (tokens == null) {
      throw failed(Optional.empty(), keys(Optional.empty(), origin), origin, "user gone or disabled");
    }
    return tokens;
  }

  /**
   * RFC 9470 step-up with a passkey within a live session: the assertion must be the caller's own
   * (another person's passkey proves nothing about this session); the session then counts as
   * authenticated just now, at AAL3. Audited either way as {@code signin.stepup}.
   */
  void stepUp(Caller caller, PublicKeyCredentialUserEntity entity, RequestOrigin origin) {
    boolean own = transactions.execute(status -> {
      Optional<UserId> owner = userEntities.findUser(entity.getId());
      boolean matches = owner.isPresent() && owner.get().equals(caller.id()) && caller.sessionId() != null;
      Optional<UserAccount> account = users.findAccount(caller.id());
      audit.record(event(account, "signin.stepup", matches ? Decision.ALLOW : Decision.DENY, origin,
          "method=" + METHODS + (matches ? " session=" + caller.sessionId() : " passkey of another user")));
      if (matches) {
        sessions.reauthenticatedAtAal3(caller.id(), caller.sessionId(), METHODS);
      }
      return matches;
    });
    if (!own) {
      throw new SignInFailedException();
    }
  }

  private SignInFailedException failed(Optional<UserAccount> account, List<String> keys, RequestOrigin origin,
      String why) {
    transactions.executeWithoutResult(status -> {
      throttle.recordFailure(keys);
      audit.record(event(account, "signin.passkey", Decision.DENY, origin, "method=" + METHODS + " " + why));
    });
    return new SignInFailedException();
  }

  private static List<String> keys(Optional<UserAccount> account, RequestOrigin origin) {
    return account.map(a -> SignInThrottle.keys(a.caller().username(), origin.clientIp()))
        // Without a known credential only the address is counted: there is no account to name.
        .orElseGet(() -> SignInThrottle.keys("", origin.clientIp()).subList(1, 2));
  }

  private static AuditEvent event(Optional<UserAccount> account, String action, Decision decision,
      RequestOrigin origin, String detail) {
    return new AuditEvent(account.map(a -> a.caller().id()).orElse(null),
        account.map(a -> a.caller().username()).orElse(AuditNames.attempted(null)), action, null, null, decision,
        null, origin, detail);
  }
}
