package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.GroupNotFoundException;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.shared.GroupId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vault roles held by groups: a vault's managers give a group a role, optionally until a time;
 * every member of the group then has it, and loses it when they leave the group. Each change is
 * audited in its transaction; the vault is checked before the group, so a foreign vault says
 * nothing about groups.
 */
@Service
class GroupGrantService {

  private final VaultService vaults;
  private final UserDirectory directory;
  private final GroupGrants grants;
  private final AuditLog audit;
  private final Clock clock;

  GroupGrantService(VaultService vaults, UserDirectory directory, GroupGrants grants, AuditLog audit, Clock clock) {
    this.vaults = vaults;
    this.directory = directory;
    this.grants = grants;
    this.audit = audit;
    this.clock = clock;
  }

  /** The vault's live group grants; managers only. */
  List<GroupGrants.Grant> list(Caller caller, VaultId vault) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    return grants.live(vault);
  }

  /** Gives {@code group} (an id) the role, replacing what it had; managers only. */
  @Transactional
  GroupGrants.Grant put(Caller caller, VaultId vault, String group, VaultRole role, Instant expiresAt,
      RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    GroupId id = GroupId.parse(group).filter(directory::groupExists).orElseThrow(GroupNotFoundException::new);
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      throw new InvalidMembershipException("'expiresAt' must be in the future.");
    }
    grants.put(vault, id, role, expiresAt);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.grant", vault, null, origin)
        .withDetail("group=" + id + " role=" + role.wireName()));
    return new GroupGrants.Grant(id, role, expiresAt);
  }

  @Transactional
  void remove(Caller caller, VaultId vault, String group, RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    GroupId id = GroupId.parse(group).orElseThrow(GroupNotFoundException::new);
    if (!grants.remove(vault, id)) {
      throw new GroupNotFoundException();
    }
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.revoke", vault, null, origin)
        .withDetail("group=" + id));
  }
}
