package dev.watchword.server.identity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.watchword.server.identity.Sessions.SessionView;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A user's own sessions: list them, end any of them. */
@RestController
@RequestMapping(path = "/api/v1/sessions", produces = "application/json")
class SessionController {

  private final Sessions sessions;

  SessionController(Sessions sessions) {
    this.sessions = sessions;
  }

  @GetMapping
  SessionList list(@AuthenticationPrincipal Caller caller) {
    return new SessionList(sessions.listLive(caller.id()).stream()
        .map(s -> new SessionItem(s, s.id().equals(caller.sessionId())))
        .toList());
  }

  /** Another user's session id is "not found", like one that does not exist. */
  @DeleteMapping("/{sessionId}")
  ResponseEntity<Void> end(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId) {
    if (sessionId.length() > 64 || !sessions.end(caller.id(), sessionId)) {
      throw new SessionNotFoundException();
    }
    return ResponseEntity.noContent().build();
  }

  record SessionItem(@JsonUnwrapped SessionView session, boolean current) {}

  record SessionList(List<SessionItem> sessions) {}
}
