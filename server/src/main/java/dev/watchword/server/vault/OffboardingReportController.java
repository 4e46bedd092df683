package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.RecordedAction;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a leaver could reach and which seeds they took: every vault they were ever a member of,
 * and every seed they revealed, with whether it has been rotated since. Owners and admins only.
 */
@RestController
class OffboardingReportController {

  private final MembershipRepository memberships;
  private final EntryRepository entries;
  private final UserDirectory users;
  private final AuditLog audit;

  OffboardingReportController(MembershipRepository memberships, EntryRepository entries, UserDirectory users,
      AuditLog audit) {
    this.memberships = memberships;
    this.entries = entries;
    this.users = users;
    this.audit = audit;
  }

  @GetMapping(path = "/api/v1/users/{userId}/offboarding-report", produces = "application/json")
  Report report(@AuthenticationPrincipal Caller caller, @PathVariable String userId) {
    caller.requireAdministrator();
    UserId user = UserId.parse(userId).filter(users::exists).orElseThrow(MemberNotFoundException::new);
    List<VaultItem> vaults = memberships.everReachable(user).stream()
        .map(v -> new VaultItem(v.id().toString(), v.name(), v.client(), v.role().wireName(), v.until()))
        .toList();
    List<RevealItem> reveals = reveals(audit.allowedActionsOf(user, SeedRevealService.REVEAL));
    return new Report(userId, vaults, reveals);
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
          ? new RevealItem(action.vaultId().toString(), action.entryId().toString(), null, null, action.at(), false)
          : new RevealItem(action.vaultId().toString(), action.entryId().toString(), entry.issuer(), entry.account(),
              action.at(), entry.rotationDue());
    }).toList();
  }

  record VaultItem(String vaultId, String name, String client, String role, Instant until) {}

  /** {@code rotationDue} is false once an editor replaced the seed (or the entry was deleted). */
  record RevealItem(String vaultId, String entryId, String issuer, String account, Instant revealedAt,
      boolean rotationDue) {}

  record Report(String userId, List<VaultItem> vaults, List<RevealItem> revealedSeeds) {}
}
