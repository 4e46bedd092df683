package dev.watchword.server.identity;

import dev.watchword.server.runtime.WatchwordProperties;
import java.io.PrintStream;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Development mode's owner account {@code dev} and its bearer token, printed once as
 * {@code dev token: <TOKEN>}. Dev tokens of earlier runs are purged at start and this run's at
 * shutdown, so the printed token is valid only while this process runs.
 */
@Component
class DevOwner implements ApplicationRunner, DisposableBean {

  static final String USERNAME = "dev";
  // Outlives any dev session; the purge at start and stop is what bounds it.
  private static final Duration LIFETIME = Duration.ofDays(3650);

  private final WatchwordProperties properties;
  private final UserRepository users;
  private final AccessTokens tokens;
  private final PrintStream out = System.out;

  DevOwner(WatchwordProperties properties, UserRepository users, AccessTokens tokens) {
    this.properties = properties;
    this.users = users;
    this.tokens = tokens;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    // Purged in every mode: a dev run killed before its shutdown must not leave a live token.
    tokens.revokeAll(TokenKind.DEV);
    if (!properties.dev()) {
      return;
    }
    Caller owner = users.findByUsername(USERNAME)
        .orElseGet(() -> users.create(USERNAME, "Development owner", OrgRole.OWNER));
    String token = tokens.issue(owner.id(), TokenKind.DEV, LIFETIME, null);
    out.println("dev token: " + token);
    out.flush();
  }

  /** Runs before the data source closes, because this bean depends on it. */
  @Override
  public void destroy() {
    if (!properties.dev()) {
      return;
    }
    try {
      tokens.revokeAll(TokenKind.DEV);
    } catch (RuntimeException ignored) {
      // The purge at the next start covers a database that is already unreachable.
    }
  }
}
