package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.util.List;

/**
 * The organisation's active owners (owners who can sign in), read under lock by
 * {@link UserRepository#lockActiveOwners}: none of them changes role or is disabled by anyone else
 * until the reading transaction ends, so what this says stays true until it commits.
 *
 * <p>The one place of the rule that the organisation always keeps an active owner: every change
 * that can take a user's ownership away (a new role, disabling) asks {@link #requireAnotherBesides}
 * first.
 */
record ActiveOwners(List<UserId> ids) {

  ActiveOwners {
    ids = List.copyOf(ids);
  }

  /**
   * Refuses an owner-only change by {@code actor} unless they are still an active owner as
   * committed now: their request was authenticated a moment ago, and another owner may have
   * demoted or disabled them since. Their row is among those locked, so it stays true until commit.
   *
   * @throws OwnerRequiredException if {@code actor} is not an active owner any more
   */
  void requireActor(UserId actor) {
    if (!ids.contains(actor)) {
      throw new OwnerRequiredException();
    }
  }

  /**
   * Refuses to let {@code leaving} stop being an active owner when they are the only one.
   *
   * @throws LastOwnerException if {@code leaving} is the last active owner
   */
  void requireAnotherBesides(UserId leaving) {
    if (ids.equals(List.of(leaving))) {
      throw new LastOwnerException();
    }
  }
}
