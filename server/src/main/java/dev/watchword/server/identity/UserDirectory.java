package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
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

  /** True when the user exists, disabled or not. */
  public boolean exists(UserId user) {
    return users.findAccount(user).isPresent();
  }

  /** True when the user exists and is not disabled. */
  public boolean isActive(UserId user) {
    return users.findAccount(user).filter(account -> !account.isDisabled()).isPresent();
  }
}
