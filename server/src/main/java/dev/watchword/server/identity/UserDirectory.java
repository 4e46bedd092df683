package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import org.springframework.stereotype.Component;

/** What other features may ask about users: whether one exists and may still act. */
@Component
public class UserDirectory {

  private final UserRepository users;

  UserDirectory(UserRepository users) {
    this.users = users;
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
