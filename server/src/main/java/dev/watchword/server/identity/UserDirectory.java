package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.time.Instant;
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

  public boolean groupExists(dev.watchword.server.shared.GroupId group) {
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
}
