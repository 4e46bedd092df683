package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
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

/** API.md's membership endpoints: managers of a vault give, change and take roles. */
@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/members", produces = "application/json")
class MemberController {

  private final MembershipService memberships;

  MemberController(MembershipService memberships) {
    this.memberships = memberships;
  }

  @GetMapping
  @VaultAction("member.list")
  MemberList list(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    MembershipService.Members found = memberships.list(caller, PathIds.vault(vaultId));
    List<MemberView> members = new java.util.ArrayList<>();
    found.direct().forEach(m -> members.add(MemberView.of(vaultId, m)));
    found.grants().forEach(g -> members.add(new MemberView(vaultId, g.user().toString(), g.role().wireName(),
        g.until(), MemberView.ACCESS_REQUEST)));
    return new MemberList(members);
  }

  @PutMapping(path = "/{userId}", consumes = "application/json")
  @VaultAction("member.set")
  MemberView put(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String userId,
      @Valid @RequestBody RoleGrantRequest body, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    UserId member = UserId.parse(userId).orElseThrow(MemberNotFoundException::new);
    return MemberView.of(vaultId,
        memberships.put(caller, vault, member, body.vaultRole(), body.expiresAt(), RequestOrigins.of(request)));
  }

  @DeleteMapping("/{userId}")
  @VaultAction("member.remove")
  ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String userId, HttpServletRequest request) {
    VaultId vault = PathIds.vault(vaultId);
    UserId member = UserId.parse(userId).orElseThrow(MemberNotFoundException::new);
    memberships.remove(caller, vault, member, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }


  /**
   * {@code source}: {@code direct} (set here, lasting unless {@code expiresAt}) or
   * {@code access-request} (an approved just-in-time request, until {@code expiresAt}); a user can
   * hold both, and the strongest live role applies.
   */
  record MemberView(String vaultId, String userId, String role, Instant expiresAt, String source) {
    static final String DIRECT = "direct";
    static final String ACCESS_REQUEST = "access-request";

    static MemberView of(String vaultId, MembershipRepository.Member member) {
      return new MemberView(vaultId, member.user().toString(), member.role().wireName(), member.expiresAt(), DIRECT);
    }
  }

  record MemberList(List<MemberView> members) {}
}
