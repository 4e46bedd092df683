package dev.watchword.server.identity.password;

import java.time.Duration;

/**
 * Every Argon2id slot stayed taken for the whole permitted wait, as in a login storm. The
 * password was not checked, so this is neither a success nor a failure: answer 503 with
 * {@code Retry-After} and do not count it as a failed attempt.
 *
 * <p>The message is fixed and never carries the password or the hash.
 */
public class PasswordHashingBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  PasswordHashingBusyException(Duration retryAfter) {
    // No stack trace: a login storm throws these by the hundred, and the cause is the load.
    super("too many password checks in progress", null, false, false);
    this.retryAfter = retryAfter;
  }

  /** A suggested wait before trying again, at least one second; never {@code null}. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
