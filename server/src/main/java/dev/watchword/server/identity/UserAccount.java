package dev.watchword.server.identity;

import java.time.Instant;

/** A stored user. {@code toString()} leaves the password hash out. */
record UserAccount(Caller caller, String displayName, Instant createdAt, Instant disabledAt, String passwordHash) {

  public boolean isDisabled() {
    return disabledAt != null;
  }

  @Override
  public String toString() {
    return "UserAccount[" + caller.username() + ", disabled=" + isDisabled() + "]";
  }
}
