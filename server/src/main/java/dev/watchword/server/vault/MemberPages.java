package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.GroupNotFoundException;
import dev.watchword.server.identity.UserDirectory;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import dev.watchword.server.web.PageRedirect;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A vault's members and group roles, for its managers: add a person by username or user id with a
 * role and an optional end, change or remove them, give or take a group's role. The vault and the
 * caller's manager role are checked before a username or group name is looked up, so these forms
 * tell nobody else whether a user or group exists.
 */
@Controller
@WebPage
class MemberPages {

  private final VaultService vaults;
  private final MembershipService memberships;
  private final GroupGrantService groups;
  private final UserDirectory directory;

  MemberPages(VaultService vaults, MembershipService memberships, GroupGrantService groups,
      UserDirectory directory) {
    this.vaults = vaults;
    this.memberships = memberships;
    this.groups = groups;
    this.directory = directory;
  }

  @GetMapping("/vaults/{vaultId}/members")
  @VaultAction("member.list")
  String members(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String done, Model model) {
    VaultId id = PathIds.vault(vaultId);
    VaultPages.frame(model, vaults.getWithRole(caller, id, VaultRole.MANAGER), "members", done);
    MembershipService.Members all = memberships.list(caller, id);
    List<MembershipRepository.Member> members = all.direct();
    Map<UserId, String> names = directory.usernames(java.util.stream.Stream.concat(
        members.stream().map(MembershipRepository.Member::user), all.grants().stream().map(AccessRequests.Grant::user))
        .toList());
    model.addAttribute("members", members.stream()
        .map(m -> new MemberRow(m.user().toString(), names.getOrDefault(m.user(), m.user().toString()),
            m.role().wireName(), m.expiresAt(), m.user().equals(caller.id())))
        .toList());
    model.addAttribute("grants", all.grants().stream()
        .map(g -> new GrantRow(names.getOrDefault(g.user(), g.user().toString()), g.role().wireName(), g.until()))
        .toList());
    model.addAttribute("groups", groups.list(caller, id).stream()
        .map(g -> new GroupRow(g.group().toString(), directory.groupName(g.group()).orElse(g.group().toString()),
            g.role().wireName(), g.expiresAt()))
        .toList());
    return "vaults/members";
  }

  @PostMapping("/vaults/{vaultId}/members")
  @VaultAction("member.set")
  String add(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String user, @RequestParam(required = false) String role,
      @RequestParam(required = false) String expiresAt, HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = vaults.getWithRole(caller, PathIds.vault(vaultId), VaultRole.MANAGER).id();
    return save(caller, vault, () -> directory.findActive(user == null ? "" : user.strip()), role, expiresAt,
        request, response);
  }

  @PostMapping("/vaults/{vaultId}/members/{userId}")
  @VaultAction("member.set")
  String change(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String userId,
      @RequestParam(required = false) String role, @RequestParam(required = false) String expiresAt,
      HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = vaults.getWithRole(caller, PathIds.vault(vaultId), VaultRole.MANAGER).id();
    return save(caller, vault, () -> UserId.parse(userId), role, expiresAt, request, response);
  }

  /** Sets a member's role once the form is valid; {@code member} is looked up last. */
  private String save(Caller caller, VaultId vault, Supplier<Optional<UserId>> member, String role, String expiresAt,
      HttpServletRequest request, HttpServletResponse response) {
    VaultRole wanted = role(role);
    Instant until = until(expiresAt);
    memberships.put(caller, vault, member.get().orElseThrow(MemberNotFoundException::new), wanted, until,
        RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.MEMBER_SAVED.after(members(vault)), request, response);
  }

  @PostMapping("/vaults/{vaultId}/members/{userId}/remove")
  @VaultAction("member.remove")
  String remove(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String userId,
      HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = vaults.getWithRole(caller, PathIds.vault(vaultId), VaultRole.MANAGER).id();
    UserId member = UserId.parse(userId).orElseThrow(MemberNotFoundException::new);
    memberships.remove(caller, vault, member, RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.MEMBER_REMOVED.after(members(vault)), request, response);
  }

  @PostMapping("/vaults/{vaultId}/groups")
  @VaultAction("group.grant")
  String grant(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @RequestParam(required = false) String group, @RequestParam(required = false) String role,
      @RequestParam(required = false) String expiresAt, HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = vaults.getWithRole(caller, PathIds.vault(vaultId), VaultRole.MANAGER).id();
    VaultRole wanted = role(role);
    Instant until = until(expiresAt);
    String found = directory.findGroup(group == null ? "" : group.strip()).orElseThrow(GroupNotFoundException::new)
        .toString();
    groups.put(caller, vault, found, wanted, until, RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.GROUP_SAVED.after(members(vault)), request, response);
  }

  @PostMapping("/vaults/{vaultId}/groups/{groupId}/remove")
  @VaultAction("group.revoke")
  String revoke(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId, @PathVariable String groupId,
      HttpServletRequest request, HttpServletResponse response) {
    VaultId vault = PathIds.vault(vaultId); // the service checks the role first
    groups.remove(caller, vault, groupId, RequestOrigins.of(request));
    return PageRedirect.to(PageNotice.GROUP_REMOVED.after(members(vault)), request, response);
  }


  private static String members(VaultId vault) {
    return VaultPages.path(vault) + "/members";
  }

  static VaultRole role(String wire) {
    if (wire == null || !wire.matches(VaultRole.WIRE_NAMES)) {
      throw new InvalidMembershipException("'role' must be viewer, editor or manager.");
    }
    return VaultRole.fromWire(wire);
  }

  /** A {@code datetime-local} value, read as UTC (the page says so); blank for no end. */
  static Instant until(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidMembershipException("The end must be a date and time such as 2030-01-31T18:00 (UTC).");
    }
  }

  record MemberRow(String userId, String username, String role, Instant expiresAt, boolean you) {}

  record GroupRow(String groupId, String name, String role, Instant expiresAt) {}

  /** A just-in-time grant: an approved access request, beside (never instead of) a lasting role. */
  record GrantRow(String username, String role, Instant until) {}
}
