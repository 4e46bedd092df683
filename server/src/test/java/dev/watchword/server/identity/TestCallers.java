package dev.watchword.server.identity;

import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Test fixture: creates users with bearer tokens through the real identity code. */
@Component
public class TestCallers {

  private final UserRepository users;
  private final AccessTokens tokens;

  TestCallers(UserRepository users, AccessTokens tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  /** A new member with a fresh token; the username is unique per call. */
  @Transactional
  public TestCaller member(String name) {
    Caller caller = users.create(name + "-" + UUID.randomUUID().toString().substring(0, 8), name, OrgRole.MEMBER);
    return new TestCaller(caller, tokens.issue(caller.id(), TokenKind.DEV, Duration.ofHours(1), null));
  }

  /** A new owner with a fresh token. */
  @Transactional
  public TestCaller owner(String name) {
    Caller caller = users.create(name + "-" + UUID.randomUUID().toString().substring(0, 8), name, OrgRole.OWNER);
    return new TestCaller(caller, tokens.issue(caller.id(), TokenKind.DEV, Duration.ofHours(1), null));
  }

  /** A user with a token and their database id. */
  public record TestCaller(Caller caller, String token) {}
}
