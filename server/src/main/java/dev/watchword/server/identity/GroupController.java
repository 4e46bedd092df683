package dev.watchword.server.identity;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Groups.GroupView;
import dev.watchword.server.shared.GroupId;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.ProblemException;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Groups (teams): owners and admins create them and set who is in them; every change is audited. */
@RestController
@RequestMapping(path = "/api/v1/groups", produces = "application/json")
class GroupController {

  private final Groups groups;
  private final UserRepository users;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  GroupController(Groups groups, UserRepository users, AuditLog audit, TransactionTemplate transactions) {
    this.groups = groups;
    this.users = users;
    this.audit = audit;
    this.transactions = transactions;
  }

  @GetMapping
  GroupList list(@AuthenticationPrincipal Caller caller) {
    caller.requireAdministrator();
    return new GroupList(groups.list());
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<GroupView> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewGroup body,
      HttpServletRequest request) {
    caller.requireAdministrator();
    GroupView created = transactions.execute(status -> {
      if (groups.nameTaken(body.name().strip())) {
        throw new GroupNameTakenException();
      }
      GroupId id = groups.create(body.name().strip());
      audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.create", null, null,
          RequestOrigins.of(request)).withDetail("group=" + id));
      return groups.find(id).orElseThrow();
    });
    return ResponseEntity.created(URI.create("/api/v1/groups/" + created.id())).body(created);
  }

  @PutMapping("/{groupId}/members/{userId}")
  GroupView addMember(@AuthenticationPrincipal Caller caller, @PathVariable String groupId,
      @PathVariable String userId, HttpServletRequest request) {
    caller.requireAdministrator();
    GroupId group = group(groupId);
    UserId user = UserId.parse(userId).filter(id -> users.findAccount(id).filter(a -> !a.isDisabled()).isPresent())
        .orElseThrow(UserNotFoundException::new);
    return transactions.execute(status -> {
      groups.addMember(group, user);
      audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.member.add", null, null,
          RequestOrigins.of(request)).withDetail("group=" + group + " user=" + user));
      return groups.find(group).orElseThrow();
    });
  }

  @DeleteMapping("/{groupId}/members/{userId}")
  ResponseEntity<Void> removeMember(@AuthenticationPrincipal Caller caller, @PathVariable String groupId,
      @PathVariable String userId, HttpServletRequest request) {
    caller.requireAdministrator();
    GroupId group = group(groupId);
    UserId user = UserId.parse(userId).orElseThrow(UserNotFoundException::new);
    transactions.executeWithoutResult(status -> {
      if (!groups.removeMember(group, user)) {
        throw new UserNotFoundException();
      }
      audit.record(AuditEvent.allowed(caller.id(), caller.username(), "group.member.remove", null, null,
          RequestOrigins.of(request)).withDetail("group=" + group + " user=" + user));
    });
    return ResponseEntity.noContent().build();
  }

  private GroupId group(String text) {
    return GroupId.parse(text).filter(id -> groups.find(id).isPresent()).orElseThrow(GroupNotFoundException::new);
  }


  record NewGroup(@NotBlank @Size(max = 100) @PlainText String name) {}

  record GroupList(List<GroupView> groups) {}

  static class GroupNameTakenException extends ProblemException {
    GroupNameTakenException() {
      super(HttpStatus.CONFLICT, "group-name-taken", "Group name taken", "A group with this name already exists.");
    }
  }
}
