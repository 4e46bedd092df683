package dev.watchword.server.identity;

import dev.watchword.server.shared.GroupId;
import dev.watchword.server.shared.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other features may ask about users: whether one exists and may still act. */
@Component
public class UserDirectory {

  private final UserRepository users;
  private final Groups groups;

  UserDirectory(UserRepository users, Groups groups) {
    this.users = users;
    this.groups = groups;
  }

  public boolean groupExists(GroupId group) {
    return groups.find(group).isPresent();
  }

  /** Who a user is, disabled or not, for pages of other features that name them. */
  public Optional<UserSummary> find(UserId user) {
    return users.findAccount(user).map(account -> new UserSummary(user, account.caller().username(),
        account.displayName(), account.caller().role(), account.disabledAt()));
  }

  /** A user's name, role and whether they are disabled; nothing that signs them in. */
  public record UserSummary(UserId id, String username, String displayName, OrgRole role, Instant disabledAt) {

    public boolean isDisabled() {
      return disabledAt != null;
    }
  }

  /** True when the user exists, disabled or not. */
  public boolean exists(UserId user) {
    return users.findAccount(user).isPresent();
  }

  /** True when the user exists and is not disabled. */
  public boolean isActive(UserId user) {
    return users.findAccount(user).filter(account -> !account.isDisabled()).isPresent();
  }

  /**
   * The active user named {@code usernameOrId} (a username, matched case-insensitively, or a user
   * id); empty for an unknown or disabled user.
   */
  public Optional<UserId> findActive(String usernameOrId) {
    Optional<UserAccount> account = UserId.parse(usernameOrId).flatMap(users::findAccount)
        .or(() -> users.findAccount(usernameOrId));
    return account.filter(a -> !a.isDisabled()).map(a -> a.caller().id());
  }

  /** The usernames of these users, for pages that show people by name; unknown ids are left out. */
  public Map<UserId, String> usernames(Collection<UserId> ids) {
    return users.usernamesOf(ids);
  }

  /** The group named {@code nameOrId} (a name, matched case-insensitively, or a group id). */
  public Optional<GroupId> findGroup(String nameOrId) {
    return GroupId.parse(nameOrId).filter(this::groupExists).or(() -> groups.findByName(nameOrId));
  }

  /** The names of the groups {@code user} is in, sorted: what context policies see as {@code subject.groups}. */
  public List<String> groupNamesOf(UserId user) {
    return groups.namesOf(user);
  }

  public Optional<String> groupName(GroupId group) {
    return groups.find(group).map(Groups.GroupView::name);
  }
}
