package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;

/**
 * The authenticated user behind the current request, as of this request: built fresh from the
 * database each time, never from a cached session.
 */
public record Caller(UserId id, String username, OrgRole role) {}
