package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.vault.AccessRequests.Request;
import dev.watchword.server.vault.AccessRequests.Requestable;
import dev.watchword.server.vault.AccessRequests.Settings;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Just-in-time access requests: ask, list, approve or deny; and which vaults can be asked for. */
@RestController
class AccessRequestController {

  private final AccessRequestService access;
  private final Clock clock;

  AccessRequestController(AccessRequestService access, Clock clock) {
    this.access = access;
    this.clock = clock;
  }

  /** Requestable vaults: their name and client only, never their entries. */
  @GetMapping(path = "/api/v1/requestable-vaults", produces = "application/json")
  RequestableList requestable(@AuthenticationPrincipal Caller caller) {
    return new RequestableList(access.requestable(caller));
  }

  @GetMapping(path = "/api/v1/me/access-requests", produces = "application/json")
  RequestList mine(@AuthenticationPrincipal Caller caller) {
    return new RequestList(access.mine(caller).stream().map(this::view).toList());
  }

  @PostMapping(path = "/api/v1/vaults/{vaultId}/access-requests", consumes = "application/json",
      produces = "application/json")
  @VaultAction("access.request")
  ResponseEntity<RequestView> request(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody NewRequest body, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    Request created = access.request(caller, vault, VaultRole.fromWire(body.role().toLowerCase(Locale.ROOT)),
        body.durationMinutes(), body.reason().strip(), RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/vaults/" + vaultId + "/access-requests/" + created.id()))
        .body(view(created));
  }

  @GetMapping(path = "/api/v1/vaults/{vaultId}/access-requests", produces = "application/json")
  @VaultAction("access.list")
  RequestList ofVault(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    return new RequestList(access.ofVault(caller, PathIds.vault(vaultId)).stream().map(this::view).toList());
  }

  @PostMapping("/api/v1/vaults/{vaultId}/access-requests/{requestId}/approve")
  @VaultAction("access.approve")
  ResponseEntity<Void> approve(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String requestId, HttpServletRequest request) {
    access.decide(caller, PathIds.vault(vaultId), requestId, true, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/vaults/{vaultId}/access-requests/{requestId}/deny")
  @VaultAction("access.deny")
  ResponseEntity<Void> deny(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String requestId, HttpServletRequest request) {
    access.decide(caller, PathIds.vault(vaultId), requestId, false, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  @PutMapping(path = "/api/v1/vaults/{vaultId}/access-settings", consumes = "application/json",
      produces = "application/json")
  @VaultAction("vault.access-settings")
  Settings settings(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @Valid @RequestBody Settings body, HttpServletRequest request) {
    return access.updateSettings(caller, PathIds.vault(vaultId), body, RequestOrigins.of(request));
  }

  private RequestView view(Request r) {
    return new RequestView(r.id(), r.vault().toString(), r.vaultName(), r.requester().toString(), r.role().wireName(),
        r.minutes(), r.reason(), r.statusAt(clock.instant()), r.createdAt(), r.grantUntil());
  }


  record NewRequest(
      @NotNull @Pattern(regexp = VaultRole.WIRE_NAMES, message = "must be viewer, editor or manager") String role,
      int durationMinutes,
      @NotBlank @Size(max = 500) @PlainText String reason) {}

  record RequestView(String id, String vaultId, String vaultName, String requesterId, String role,
      int durationMinutes, String reason, String status, Instant requestedAt, Instant grantedUntil) {}

  record RequestList(List<RequestView> requests) {}

  record RequestableList(List<Requestable> vaults) {}
}
