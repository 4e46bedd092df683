package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Vault roles held by groups (see {@link GroupGrantService}); the same body as a member's role. */
@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/groups", produces = "application/json")
class GroupGrantController {

  private final GroupGrantService grants;

  GroupGrantController(GroupGrantService grants) {
    this.grants = grants;
  }

  @GetMapping
  @VaultAction("group.list")
  GrantList list(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    return new GrantList(grants.list(caller, PathIds.vault(vaultId)).stream()
        .map(grant -> GrantView.of(vaultId, grant)).toList());
  }

  @PutMapping(path = "/{groupId}", consumes = "application/json")
  @VaultAction("group.grant")
  GrantView put(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String groupId,
      @Valid @RequestBody RoleGrantRequest body, HttpServletRequest request) {
    return GrantView.of(vaultId, grants.put(caller, PathIds.vault(vaultId), groupId, body.vaultRole(),
        body.expiresAt(), RequestOrigins.of(request)));
  }

  @DeleteMapping("/{groupId}")
  @VaultAction("group.revoke")
  ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String groupId, HttpServletRequest request) {
    grants.remove(caller, PathIds.vault(vaultId), groupId, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  record GrantView(String vaultId, String groupId, String role, Instant expiresAt) {
    static GrantView of(String vaultId, GroupGrants.Grant grant) {
      return new GrantView(vaultId, grant.group().toString(), grant.role().wireName(), grant.expiresAt());
    }
  }

  record GrantList(List<GrantView> groups) {}
}
