package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API of {@link GroupGrantService}: a vault's managers give groups roles and take them back. */
@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/groups", produces = "application/json")
class GroupGrantController {

  private final GroupGrantService grants;

  GroupGrantController(GroupGrantService grants) {
    this.grants = grants;
  }

  @GetMapping
  GrantList list(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    return new GrantList(grants.list(caller, PathIds.vault(vaultId)).stream()
        .map(g -> new GrantView(vaultId, g.group().toString(), g.role().wireName(), g.expiresAt()))
        .toList());
  }

  @PutMapping(path = "/{groupId}", consumes = "application/json")
  GrantView put(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String groupId,
      @Valid @RequestBody GrantRequest body, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    VaultRole role = VaultRole.fromWire(body.role().toLowerCase(Locale.ROOT));
    GroupGrants.Grant grant = grants.put(caller, vault, groupId, role, body.expiresAt(), RequestOrigins.of(request));
    return new GrantView(vaultId, grant.group().toString(), grant.role().wireName(), grant.expiresAt());
  }

  @DeleteMapping("/{groupId}")
  ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String groupId, HttpServletRequest request) {
    grants.remove(caller, PathIds.vault(vaultId), groupId, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }


  record GrantRequest(
      @NotNull @Pattern(regexp = "viewer|editor|manager", message = "must be viewer, editor or manager") String role,
      Instant expiresAt) {}

  record GrantView(String vaultId, String groupId, String role, Instant expiresAt) {}

  record GrantList(List<GrantView> groups) {}
}
