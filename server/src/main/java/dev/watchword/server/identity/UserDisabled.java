package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;

/**
 * Published inside the transaction that disables a user, so other features end what the user
 * held (vault memberships, pending requests) in that same transaction.
 */
public record UserDisabled(UserId user) {}
