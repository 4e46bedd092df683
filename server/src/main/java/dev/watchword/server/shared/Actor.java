package dev.watchword.server.shared;

/**
 * Who is behind the current request, as far as features other than identity need to know: for the
 * audit's actor and session columns.
 */
public interface Actor {

  UserId id();

  String username();

  /** The sign-in session's id (never its token); {@code null} outside any session. */
  String sessionId();
}
