package dev.watchword.server.identity;

import dev.watchword.server.identity.UserService.NewUser;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/users", produces = "application/json")
class UserController {

  static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}";

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<UserView> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateUserRequest body,
      HttpServletRequest request) {
    UserAccount created = users.create(caller, body.toNewUser(), RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.caller().id())).body(UserView.of(created));
  }

  @GetMapping("/me")
  UserView me(@AuthenticationPrincipal Caller caller) {
    return UserView.of(users.get(caller.id()));
  }

  @PostMapping("/{userId}/disable")
  UserView disable(@AuthenticationPrincipal Caller caller, @PathVariable String userId, HttpServletRequest request) {
    UserId target = UserId.parse(userId).orElseThrow(UserNotFoundException::new);
    return UserView.of(users.disable(caller, target, RequestOrigins.of(request)));
  }

  /** {@code {"role": "owner|admin|member|auditor"}}; owners only. */
  @PutMapping(path = "/{userId}/role", consumes = "application/json")
  UserView changeRole(@AuthenticationPrincipal Caller caller, @PathVariable String userId,
      @Valid @RequestBody RoleRequest body, HttpServletRequest request) {
    UserId target = UserId.parse(userId).orElseThrow(UserNotFoundException::new);
    return UserView.of(users.changeRole(caller, target, body.orgRole(), RequestOrigins.of(request)));
  }

  record RoleRequest(@NotNull @Pattern(regexp = "owner|admin|member|auditor",
      message = "must be owner, admin, member or auditor") String role) {

    OrgRole orgRole() {
      return OrgRole.fromWire(role);
    }
  }

  record CreateUserRequest(
      @NotNull @Pattern(regexp = USERNAME_PATTERN,
          message = "must be 1 to 64 letters, digits or . _ @ + -, starting with a letter or digit")
      String username,
      @NotNull @Size(max = 1024) String password,
      @NotBlank @Size(max = 200) @PlainText String displayName) {

    NewUser toNewUser() {
      return new NewUser(username, password, displayName.strip());
    }

    @Override
    public String toString() {
      return "CreateUserRequest[" + username + "]";
    }
  }

  record UserView(String id, String username, String displayName, String role, Instant createdAt,
      Instant disabledAt) {

    static UserView of(UserAccount account) {
      return new UserView(account.caller().id().toString(), account.caller().username(), account.displayName(),
          account.caller().role().wireName(), account.createdAt(), account.disabledAt());
    }
  }
}
