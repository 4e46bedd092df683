package dev.watchword.server.identity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.watchword.server.identity.Sessions.SessionView;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sessions: users list and end their own; owners and admins list and end anyone's. */
@RestController
@RequestMapping(produces = "application/json")
class SessionController {

  private final Sessions sessions;
  private final UserService users;

  SessionController(Sessions sessions, UserService users) {
    this.sessions = sessions;
    this.users = users;
  }

  @GetMapping("/api/v1/sessions")
  SessionList list(@AuthenticationPrincipal Caller caller) {
    return new SessionList(sessions.listLive(caller.id()).stream()
        .map(s -> new SessionItem(s, s.id().equals(caller.sessionId())))
        .toList());
  }

  /** Another user's session id is "not found", like one that does not exist. */
  @DeleteMapping("/api/v1/sessions/{sessionId}")
  ResponseEntity<Void> end(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId) {
    sessions.endNamed(caller.id(), sessionId);
    return ResponseEntity.noContent().build();
  }

  /** Owners and admins see anyone's live sessions. */
  @GetMapping("/api/v1/users/{userId}/sessions")
  SessionList listOf(@AuthenticationPrincipal Caller caller, @PathVariable String userId) {
    return new SessionList(users.sessionsOf(caller, userId).stream().map(s -> new SessionItem(s, false)).toList());
  }

  /** Owners and admins end anyone's session; its tokens die on the next request. */
  @DeleteMapping("/api/v1/users/{userId}/sessions/{sessionId}")
  ResponseEntity<Void> endOf(@AuthenticationPrincipal Caller caller, @PathVariable String userId,
      @PathVariable String sessionId, HttpServletRequest request) {
    users.endSessionOf(caller, userId, sessionId, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  record SessionItem(@JsonUnwrapped SessionView session, boolean current) {}

  record SessionList(List<SessionItem> sessions) {}
}
