package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.RecordedAction;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.vault.OffboardingReport.RevealItem;
import dev.watchword.server.vault.OffboardingReport.VaultItem;
import dev.watchword.server.shared.EntryId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Builds offboarding reports: every vault a user was ever a member of, and every seed they
 * revealed, with whether it has been rotated since. Owners and admins only; the API and the
 * people pages both ask here.
 */
@Service
class OffboardingReports {

  private final MembershipRepository memberships;
  private final EntryRepository entries;
  private final UserDirectory users;
  private final AuditLog audit;

  OffboardingReports(MembershipRepository memberships, EntryRepository entries, UserDirectory users,
      AuditLog audit) {
    this.memberships = memberships;
    this.entries = entries;
    this.users = users;
    this.audit = audit;
  }

  /** The report on {@code userId}, disabled or not; 404 for an id that is not a user. */
  OffboardingReport of(Caller caller, String userId) {
    caller.requireAdministrator();
    UserId user = UserId.parse(userId).filter(users::exists).orElseThrow(MemberNotFoundException::new);
    List<VaultItem> vaults = memberships.everReachable(user).stream()
        .map(v -> new VaultItem(v.id().toString(), v.name(), v.client(), v.role().wireName(), v.until()))
        .toList();
    List<RevealItem> reveals = reveals(audit.allowedActionsOf(user, SeedRevealService.REVEAL));
    return new OffboardingReport(user.toString(), vaults, reveals);
  }

  /** Each reveal with its entry as it is now: one query per vault involved, not one per reveal. */
  private List<RevealItem> reveals(List<RecordedAction> actions) {
    Map<VaultId, Map<EntryId, Entry>> entriesByVault = new HashMap<>();
    actions.stream().collect(Collectors.groupingBy(RecordedAction::vaultId, LinkedHashMap::new,
            Collectors.mapping(RecordedAction::entryId, Collectors.toList())))
        .forEach((vault, ids) -> entriesByVault.put(vault, entries.findAll(vault, ids)));
    return actions.stream().map(action -> {
      Entry entry = entriesByVault.get(action.vaultId()).get(action.entryId());
      return entry == null
          ? new RevealItem(action.vaultId().toString(), action.entryId().toString(), null, null, action.at(), true)
          : new RevealItem(action.vaultId().toString(), action.entryId().toString(), entry.issuer(), entry.account(),
              action.at(), entry.rotationDue());
    }).toList();
  }
}
