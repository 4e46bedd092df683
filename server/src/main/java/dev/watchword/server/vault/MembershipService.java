package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.identity.UserDisabled;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vault memberships: managers give and take roles, optionally until a time; the grant ends by
 * itself because every read filters on {@code expires_at}. A vault always keeps one manager.
 * Just-in-time grants ({@link AccessRequests.Grant}) live beside these rows and never change them.
 */
@Service
class MembershipService {

  private final VaultService vaults;
  private final MembershipRepository memberships;
  private final AccessRequests grants;
  private final UserDirectory users;
  private final AuditLog audit;
  private final Clock clock;

  MembershipService(VaultService vaults, MembershipRepository memberships, AccessRequests grants,
      UserDirectory users, AuditLog audit, Clock clock) {
    this.vaults = vaults;
    this.memberships = memberships;
    this.grants = grants;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  MembershipRepository.Member put(Caller caller, VaultId vault, UserId member, VaultRole role, Instant expiresAt,
      RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    if (!users.isActive(member)) {
      throw new MemberNotFoundException();
    }
    requireFuture(expiresAt, clock);
    if (role != VaultRole.MANAGER || expiresAt != null) {
      requireAnotherManager(vault, member);
    }
    memberships.put(vault, member, role, expiresAt);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "member.set", vault, null, origin)
        .withDetail("user=" + member + " role=" + role.wireName() + (expiresAt == null ? "" : " until=" + expiresAt)));
    return new MembershipRepository.Member(member, role, expiresAt, clock.instant());
  }

  @Transactional
  void remove(Caller caller, VaultId vault, UserId member, RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    requireAnotherManager(vault, member);
    // Removing someone takes all they hold here directly: the lasting role and any live grant.
    boolean removed = memberships.remove(vault, member);
    boolean grantsEnded = grants.endGrants(vault, member, clock.instant()) > 0;
    if (!removed && !grantsEnded) {
      throw new MemberNotFoundException();
    }
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "member.remove", vault, null, origin)
        .withDetail("user=" + member));
  }

  /** Direct memberships and live just-in-time grants; a user can appear in both. */
  Members list(Caller caller, VaultId vault) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    return new Members(memberships.list(vault), grants.liveGrants(vault, clock.instant()));
  }

  /** Offboarding: a disabled user loses every vault role in the transaction that disabled them. */
  @EventListener
  void onUserDisabled(UserDisabled event) {
    memberships.endEverywhere(event.user());
  }

  /** Refuses (400) an expiry that is not in the future; {@code null} (lasting) passes. */
  static void requireFuture(Instant expiresAt, Clock clock) {
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      throw new InvalidMembershipException("'expiresAt' must be in the future.");
    }
  }

  private void requireAnotherManager(VaultId vault, UserId changing) {
    if (memberships.otherLastingManagers(vault, changing) == 0) {
      throw new LastManagerException();
    }
  }

  record Members(List<MembershipRepository.Member> direct, List<AccessRequests.Grant> grants) {}
}
