package dev.watchword.server.identity;

import dev.watchword.server.shared.RequestOrigin;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Test fixture: creates users with signed-in sessions through the real identity code. */
@Component
public class TestCallers {

  private final UserRepository users;
  private final Sessions sessions;

  TestCallers(UserRepository users, Sessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  /** A new member with a fresh token; the username is unique per call. */
  @Transactional
  public TestCaller member(String name) {
    return create(name, OrgRole.MEMBER);
  }

  /** A new owner with a fresh token. */
  @Transactional
  public TestCaller owner(String name) {
    return create(name, OrgRole.OWNER);
  }

  /** A new admin (manages people, reads the audit, cannot change roles) with a fresh token. */
  @Transactional
  public TestCaller admin(String name) {
    return create(name, OrgRole.ADMIN);
  }

  /** A new auditor (reads the audit, gets no codes) with a fresh token. */
  @Transactional
  public TestCaller auditor(String name) {
    return create(name, OrgRole.AUDITOR);
  }

  private TestCaller create(String name, OrgRole role) {
    Caller caller = users.create(name + "-" + UUID.randomUUID().toString().substring(0, 8), name, role);
    return new TestCaller(caller, signIn(caller));
  }

  /** A session as a completed password + TOTP sign-in would start it; its access token lives 15 minutes. */
  private String signIn(Caller caller) {
    return sessions.start(caller.id(), AssuranceLevel.AAL2, "test", RequestOrigin.system()).accessToken();
  }

  /** A user with a token and their database id. */
  public record TestCaller(Caller caller, String token) {
    @Override
    public String toString() {
      return "TestCaller[" + caller.username() + "]";
    }
  }
}
