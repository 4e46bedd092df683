package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.UserDisabled;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.vault.AccessRequests.Request;
import dev.watchword.server.vault.AccessRequests.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Just-in-time access. A member of the organisation asks for a role on a vault that its managers
 * made requestable (or on one they already belong to), for at most the vault's maximum time, with
 * a reason; a manager of that vault who is not the requester approves or denies; an approved
 * request is a grant that ends by itself, beside (never instead of) the user's lasting membership. A vault that is neither requestable nor the caller's is
 * "not found", exactly like one that does not exist.
 */
@Service
class AccessRequestService {

  static final Duration PENDING_LIFETIME = Duration.ofHours(24);

  private final VaultService vaults;
  private final AccessRequests requests;
  private final AuditLog audit;
  private final Clock clock;

  AccessRequestService(VaultService vaults, AccessRequests requests, AuditLog audit, Clock clock) {
    this.vaults = vaults;
    this.requests = requests;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Request request(Caller caller, VaultId vault, VaultRole role, int minutes, String reason, RequestOrigin origin) {
    Settings settings = requests.settings(vault).orElseThrow(VaultNotFoundException::new);
    boolean member = vaults.isVisible(caller, vault);
    if (!settings.requestable() && !member) {
      throw new VaultNotFoundException();
    }
    if (minutes < 1 || minutes > settings.maxGrantMinutes()) {
      throw new InvalidMembershipException("'durationMinutes' must be 1 to " + settings.maxGrantMinutes()
          + " for this vault.");
    }
    Instant now = clock.instant();
    String id = requests.create(vault, caller.id(), role, minutes, reason, now, now.plus(PENDING_LIFETIME));
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "access.request", vault, null, origin)
        .withReason(reason).withDetail("request=" + id + " role=" + role.wireName() + " minutes=" + minutes));
    return requests.find(vault, id).orElseThrow();
  }

  @Transactional
  void decide(Caller caller, VaultId vault, String id, boolean approve, RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    Request request = requests.find(vault, id).orElseThrow(ApprovalNotFoundException::new);
    Instant now = clock.instant();
    Instant until = approve ? now.plus(Duration.ofMinutes(request.minutes())) : null;
    if (!requests.decide(vault, id, caller.id(), approve, now, until)) {
      throw new ApprovalNotFoundException();
    }
    // The approved request is the grant: it sits beside any lasting membership (the strongest
    // live role applies) and ends by itself at grant_until; vault_member is never touched.
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), approve ? "access.approve" : "access.deny",
        vault, null, origin).withDetail("request=" + id + " user=" + request.requester()
            + (approve ? " until=" + until : "")));
  }

  List<Request> ofVault(Caller caller, VaultId vault) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    return requests.ofVault(vault);
  }

  /**
   * The pending requests of the vaults among {@code visible} ({@link VaultService#listVisible}) that
   * the caller manages, except their own: what waits for their decision.
   */
  List<Request> waitingFor(Caller caller, List<Vault> visible, Instant now) {
    List<VaultId> managed = visible.stream().filter(v -> v.role().includes(VaultRole.MANAGER)).map(Vault::id)
        .toList();
    return requests.pendingIn(managed).stream()
        .filter(r -> r.statusAt(now).equals("pending") && !r.requester().equals(caller.id()))
        .toList();
  }

  List<Request> mine(Caller caller) {
    return requests.ofRequester(caller.id());
  }

  List<AccessRequests.Requestable> requestable(Caller caller) {
    return requests.requestableFor(caller.id(), clock.instant());
  }

  /** Whether the vault takes requests, and for how long a grant may last; managers only. */
  Settings settings(Caller caller, VaultId vault) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    return requests.settings(vault).orElseThrow(VaultNotFoundException::new);
  }

  @Transactional
  Settings updateSettings(Caller caller, VaultId vault, Settings settings, RequestOrigin origin) {
    vaults.getWithRole(caller, vault, VaultRole.MANAGER);
    if (settings.maxGrantMinutes() < 1 || settings.maxGrantMinutes() > 60 * 24 * 30) {
      throw new InvalidVaultSettingsException("'maxGrantMinutes' must be 1 to 43200 (30 days).");
    }
    requests.updateSettings(vault, settings);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "vault.access-settings", vault, null, origin)
        .withDetail("requestable=" + settings.requestable() + " maxGrantMinutes=" + settings.maxGrantMinutes()));
    return settings;
  }

  /** Offboarding: a disabled user's pending requests are cancelled and live grants end, in the same transaction. */
  @EventListener
  void onUserDisabled(UserDisabled event) {
    requests.cancelPendingOf(event.user());
    requests.endGrantsOf(event.user(), clock.instant());
  }

}
