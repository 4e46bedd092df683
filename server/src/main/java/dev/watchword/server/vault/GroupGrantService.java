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
 * audited in its transaction; the vault is checked before the group, so a foreign vault is 404.
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

  List<GroupGrants.Grant> list(Caller caller, VaultId vault) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    return grants.live(vault);
  }

  @Transactional
  GroupGrants.Grant put(Caller caller, VaultId vault, String groupId, VaultRole role, Instant expiresAt,
      RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    GroupId group = GroupId.parse(groupId).filter(directory::groupExists).orElseThrow(GroupNotFoundException::new);
    MembershipService.requireFuture(expiresAt, clock);
    grants.put(vault, group, role, expiresAt);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.grant", vault, null, origin)
        .withDetail("group=" + group + " role=" + role.wireName()
            + (expiresAt == null ? "" : " until=" + expiresAt)));
    return new GroupGrants.Grant(group, role, expiresAt);
  }

  @Transactional
  void remove(Caller caller, VaultId vault, String groupId, RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    GroupId group = GroupId.parse(groupId).orElseThrow(GroupNotFoundException::new);
    if (!grants.remove(vault, group)) {
      throw new GroupNotFoundException();
    }
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.revoke", vault, null, origin)
        .withDetail("group=" + group));
  }
}
