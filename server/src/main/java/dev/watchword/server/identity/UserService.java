package dev.watchword.server.identity;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.identity.Sessions.SessionView;
import dev.watchword.server.identity.password.PasswordHasher;
import dev.watchword.server.identity.password.PasswordHashingBusyException;
import dev.watchword.server.identity.password.PasswordPolicy;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Lists, creates and disables users. Only owners and admins may; every change is audited. */
@Service
class UserService {

  private final UserRepository users;
  private final PasswordPolicy policy;
  private final PasswordHasher hasher;
  private final Sessions sessions;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Groups groups;

  UserService(UserRepository users, PasswordPolicy policy, PasswordHasher hasher, Sessions sessions,
      AuditLog audit, TransactionTemplate transactions, ApplicationEventPublisher events, Groups groups) {
    this.events = events;
    this.groups = groups;
    this.users = users;
    this.policy = policy;
    this.hasher = hasher;
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Creates a member with a password; they must enrol a second factor at their first sign-in. */
  UserAccount create(Caller admin, NewUser request, RequestOrigin origin) {
    admin.requireAdministrator();
    String hash = acceptedPasswordHash(request);
    return transactions.execute(status ->
        insert(admin.id(), admin.username(), request, hash, OrgRole.MEMBER, origin, "user.create"));
  }

  /**
   * Checks the password against the policy and hashes it. Runs outside any transaction: Argon2id
   * takes tens of milliseconds and must not hold the database's write lock meanwhile.
   */
  String acceptedPasswordHash(NewUser request) {
    policy.refusal(request.username(), request.password()).ifPresent(reason -> {
      throw new PasswordRefusedException(reason);
    });
    try {
      return hasher.hash(PasswordPolicy.normalise(request.password()));
    } catch (PasswordHashingBusyException busy) {
      throw new HashingBusyException(busy);
    }
  }

  /** Stores a new user and audits it; runs in the caller's transaction. */
  UserAccount insert(UserId actorId, String actorName, NewUser request, String passwordHash, OrgRole role,
      RequestOrigin origin, String action) {
    if (users.findAccount(request.username()).isPresent()) {
      throw new UsernameTakenException();
    }
    Caller created = users.create(request.username(), request.displayName(), role, passwordHash);
    audit.record(new AuditEvent(actorId, actorName, action, null, null, Decision.ALLOW, null, origin,
        "user=" + created.id() + " role=" + role.wireName()));
    return users.findAccount(created.id()).orElseThrow();
  }

  /**
   * Disables a user (owners and admins; only an owner disables an owner, never the last active one,
   * and nobody disables themselves): from the next request on, every token and session of theirs is refused on
   * every node, because each request looks them up; {@link UserDisabled} lets other features end
   * what the user held, in the same transaction. The last active owner holds even against
   * concurrent changes on several nodes: see {@link UserRepository#lockActiveOwners}.
   */
  UserAccount disable(Caller admin, UserId target, RequestOrigin origin) {
    admin.requireAdministrator();
    if (admin.id().equals(target)) {
      throw new SelfDisableException();
    }
    return transactions.execute(status -> {
      ActiveOwners owners = users.lockActiveOwners(target);
      UserAccount account = users.findAccount(target).orElseThrow(UserNotFoundException::new);
      if (account.caller().role() == OrgRole.OWNER) {
        // An admin who could disable owners could take the organisation; and someone must remain.
        if (admin.role() != OrgRole.OWNER) {
          throw new OwnerRequiredException("Only an owner can disable an owner.");
        }
        owners.requireActor(admin.id());
        owners.requireAnotherBesides(target);
      }
      if (users.disable(target)) {
        sessions.endAll(target);
        groups.leaveAll(target);
        events.publishEvent(new UserDisabled(target));
        audit.record(AuditEvent.allowed(admin.id(), admin.username(), "user.disable", null, null, origin)
            .withDetail("user=" + target));
      }
      return users.findAccount(target).orElse(account);
    });
  }

  /**
   * Changes a user's organisation role (for example to make someone an auditor). Owners only, since
   * an admin who could make owners could take the organisation; the last active owner keeps the
   * role (409), even against concurrent changes on several nodes. Takes effect on the user's next
   * request, like everything else about a caller.
   */
  UserAccount changeRole(Caller owner, UserId target, OrgRole role, RequestOrigin origin) {
    if (owner.role() != OrgRole.OWNER) {
      throw new OwnerRequiredException();
    }
    return transactions.execute(status -> {
      ActiveOwners owners = users.lockActiveOwners(target);
      owners.requireActor(owner.id());
      UserAccount account = users.findAccount(target).orElseThrow(UserNotFoundException::new);
      if (role != OrgRole.OWNER) {
        owners.requireAnotherBesides(target);
      }
      users.setRole(target, role);
      audit.record(AuditEvent.allowed(owner.id(), owner.username(), "user.role", null, null, origin)
          .withDetail("user=" + target + " from=" + account.caller().role().wireName() + " to=" + role.wireName()));
      return users.findAccount(target).orElseThrow();
    });
  }

  /** Every user with their second factors, for owners and admins. */
  List<ManagedUser> list(Caller admin) {
    admin.requireAdministrator();
    return users.listWithFactors();
  }

  /** One user with their second factors, for owners and admins; 404 for an unknown id. */
  ManagedUser describe(Caller admin, String userId) {
    admin.requireAdministrator();
    UserId target = UserId.parse(userId).orElseThrow(UserNotFoundException::new);
    return users.findWithFactors(target).orElseThrow(UserNotFoundException::new);
  }

  /** Another user's live sessions, for owners and admins; 404 for an unknown id. */
  List<SessionView> sessionsOf(Caller admin, String userId) {
    return sessions.listLive(requireManageable(admin, userId));
  }

  /** The live sessions of a user {@link #describe} found, for owners and admins, without looking them up again. */
  List<SessionView> sessionsOf(Caller admin, ManagedUser person) {
    admin.requireAdministrator();
    return sessions.listLive(person.account().caller().id());
  }

  /** The target user's id when the caller may manage them (owner or admin); 404 for an unknown id. */
  UserId requireManageable(Caller caller, String userId) {
    caller.requireAdministrator();
    UserId target = UserId.parse(userId).orElseThrow(UserNotFoundException::new);
    users.findAccount(target).orElseThrow(UserNotFoundException::new);
    return target;
  }

  /** Ends another user's session, audited in the same transaction. */
  void endSessionOf(Caller admin, String userId, String sessionId, RequestOrigin origin) {
    UserId target = requireManageable(admin, userId);
    transactions.executeWithoutResult(status -> {
      sessions.endNamed(target, sessionId);
      audit.record(AuditEvent.allowed(admin.id(), admin.username(), "session.end", null, null, origin)
          .withDetail("user=" + target + " session=" + sessionId));
    });
  }

  UserAccount get(UserId id) {
    return users.findAccount(id).orElseThrow(UserNotFoundException::new);
  }


  /** A user to create; {@code toString()} leaves the password out. */
  record NewUser(String username, String password, String displayName) {

    @Override
    public String toString() {
      return "NewUser[" + username + "]";
    }
  }
}
