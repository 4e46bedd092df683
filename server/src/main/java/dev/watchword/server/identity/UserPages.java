package dev.watchword.server.identity;

import dev.watchword.server.identity.UserService.NewUser;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.web.RequestOrigins;
import dev.watchword.server.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The people pages, for owners and admins: everyone in the organisation, adding a person, one
 * person's role and live sessions, and disabling them (the confirmation, with the offboarding
 * report, is the vault feature's page). Every action goes through {@link UserService}, as the
 * API's does, so the same roles, password policy and audit apply.
 */
@Controller
@WebPage
@Validated
class UserPages {

  static final String PEOPLE = "/admin/users";

  /** What a page says after a change; fixed texts, so a crafted link can make it say nothing else. */
  private static final Map<String, String> DONE = Map.of(
      "created", "Person added. Give them the initial password privately: at their first sign-in they enrol a "
          + "second factor.",
      "role", "Organisation role changed. It applies from their next request.",
      "session", "Session ended. Its tokens are refused from the next request on.");

  private final UserService users;
  private final Validator validator;

  UserPages(UserService users, Validator validator) {
    this.users = users;
    this.validator = validator;
  }

  @GetMapping(PEOPLE)
  String people(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String done, Model model) {
    model.addAttribute("notice", done == null ? null : DONE.get(done));
    return people(caller, new NewUserForm("", ""), model);
  }

  /**
   * Adds a member. A refused username or password shows the form again with the reason and what
   * was typed (never the password), so the admin corrects one field instead of starting over.
   */
  @PostMapping(PEOPLE)
  String create(@AuthenticationPrincipal Caller caller, @RequestParam String username,
      @RequestParam String displayName, @RequestParam String password, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    NewUserForm form = new NewUserForm(username.strip(), displayName.strip());
    try {
      UserAccount created = users.create(caller, form.toNewUser(password, validator), RequestOrigins.of(request));
      return "redirect:" + PEOPLE + "/" + created.caller().id() + "?done=created";
    } catch (InvalidNewUserException | PasswordRefusedException | UsernameTakenException refused) {
      response.setStatus(refused.status().value());
      model.addAttribute("refused", refused);
      return people(caller, form, model);
    }
  }

  @GetMapping(PEOPLE + "/{userId}")
  String person(@AuthenticationPrincipal Caller caller, @PathVariable String userId,
      @RequestParam(required = false) String done, Model model) {
    ManagedUser person = users.describe(caller, userId);
    model.addAttribute("person", person);
    model.addAttribute("sessions", users.sessionsOf(caller, person));
    model.addAttribute("roles", Arrays.stream(OrgRole.values()).map(OrgRole::wireName).toList());
    model.addAttribute("notice", done == null ? null : DONE.get(done));
    return "admin/user";
  }

  /** Owners only: {@link UserService#changeRole} refuses anyone else, and keeps the last owner. */
  @PostMapping(PEOPLE + "/{userId}/role")
  String changeRole(@AuthenticationPrincipal Caller caller, @PathVariable String userId,
      @RequestParam @Pattern(regexp = "owner|admin|member|auditor") String role, HttpServletRequest request) {
    UserId target = parse(userId);
    users.changeRole(caller, target, OrgRole.fromWire(role), RequestOrigins.of(request));
    return "redirect:" + PEOPLE + "/" + target + "?done=role";
  }

  /** Disables the user at once; the offboarding report then says which seeds need rotating. */
  @PostMapping(PEOPLE + "/{userId}/disable")
  String disable(@AuthenticationPrincipal Caller caller, @PathVariable String userId, HttpServletRequest request) {
    UserId target = parse(userId);
    users.disable(caller, target, RequestOrigins.of(request));
    return "redirect:" + PEOPLE + "/" + target + "/offboarding?done=disabled";
  }

  @PostMapping(PEOPLE + "/{userId}/sessions/{sessionId}/end")
  String endSession(@AuthenticationPrincipal Caller caller, @PathVariable String userId,
      @PathVariable String sessionId, HttpServletRequest request) {
    users.endSessionOf(caller, userId, sessionId, RequestOrigins.of(request));
    return "redirect:" + PEOPLE + "/" + parse(userId) + "?done=session";
  }

  private String people(Caller caller, NewUserForm form, Model model) {
    model.addAttribute("users", users.list(caller));
    model.addAttribute("form", form);
    return "admin/users";
  }

  private static UserId parse(String userId) {
    return UserId.parse(userId).orElseThrow(UserNotFoundException::new);
  }

  /** What the "add a person" form shows again after a refusal: never the password. */
  record NewUserForm(String username, String displayName) {

    private static final List<String> FIELDS = List.of("username", "displayName", "password");

    /**
     * The new user if the API would take the same fields: the API's own request, with its
     * annotations, is what is checked, so the rules live in one place. The first refused field
     * (in the form's order) is named; a message never holds the value.
     */
    NewUser toNewUser(String password, Validator validator) {
      UserController.CreateUserRequest asked = new UserController.CreateUserRequest(username, password, displayName);
      Optional<ConstraintViolation<UserController.CreateUserRequest>> refused = validator.validate(asked).stream()
          .min(Comparator.comparingInt(v -> FIELDS.indexOf(v.getPropertyPath().toString())));
      if (refused.isPresent()) {
        String field = refused.get().getPropertyPath().toString().equals("displayName") ? "display name"
            : refused.get().getPropertyPath().toString();
        throw new InvalidNewUserException("The " + field + " " + refused.get().getMessage() + ".");
      }
      return asked.toNewUser();
    }
  }
}
