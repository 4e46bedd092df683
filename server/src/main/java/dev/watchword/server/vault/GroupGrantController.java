package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.GroupNotFoundException;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.shared.GroupId;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vault roles held by groups: a vault's managers give a group a role, optionally until a time;
 * every member of the group then has it, and loses it when they leave the group.
 */
@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/groups", produces = "application/json")
class GroupGrantController {

  private final VaultService vaults;
  private final UserDirectory directory;
  private final GroupGrants grants;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  GroupGrantController(VaultService vaults, UserDirectory directory, GroupGrants grants, AuditLog audit,
      TransactionTemplate transactions, Clock clock) {
    this.vaults = vaults;
    this.directory = directory;
    this.grants = grants;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  @GetMapping
  @VaultAction("group.list")
  GrantList list(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    VaultId vault = PathIds.vault(vaultId);
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    return new GrantList(grants.live(vault).stream()
        .map(g -> new GrantView(vaultId, g.group().toString(), g.role().wireName(), g.expiresAt()))
        .toList());
  }

  @PutMapping(path = "/{groupId}", consumes = "application/json")
  @VaultAction("group.grant")
  GrantView put(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String groupId,
      @Valid @RequestBody GrantRequest body, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    return transactions.execute(status -> {
      vaults.getWithRole(caller, vault, VaultRole.MANAGER);
      GroupId group = GroupId.parse(groupId).filter(directory::groupExists).orElseThrow(GroupNotFoundException::new);
      if (body.expiresAt() != null && !body.expiresAt().isAfter(clock.instant())) {
        throw new InvalidMembershipException("'expiresAt' must be in the future.");
      }
      VaultRole role = VaultRole.fromWire(body.role().toLowerCase(Locale.ROOT));
      grants.put(vault, group, role, body.expiresAt());
      audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.grant", vault, null,
          RequestOrigins.of(request)).withDetail("group=" + group + " role=" + role.wireName()));
      return new GrantView(vaultId, group.toString(), role.wireName(), body.expiresAt());
    });
  }

  @DeleteMapping("/{groupId}")
  @VaultAction("group.revoke")
  ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String groupId, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    transactions.executeWithoutResult(status -> {
      vaults.getWithRole(caller, vault, VaultRole.MANAGER);
      GroupId group = GroupId.parse(groupId).orElseThrow(GroupNotFoundException::new);
      if (!grants.remove(vault, group)) {
        throw new GroupNotFoundException();
      }
      audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.revoke", vault, null,
          RequestOrigins.of(request)).withDetail("group=" + group));
    });
    return ResponseEntity.noContent().build();
  }


  record GrantRequest(
      @NotNull @Pattern(regexp = "viewer|editor|manager", message = "must be viewer, editor or manager") String role,
      Instant expiresAt) {}

  record GrantView(String vaultId, String groupId, String role, Instant expiresAt) {}

  record GrantList(List<GrantView> groups) {}
}
