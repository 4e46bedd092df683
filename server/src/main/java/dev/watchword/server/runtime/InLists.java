package dev.watchword.server.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ids for an SQL {@code IN (:ids)} list, cut into lists a statement can take: a page or report
 * that reads many vaults, entries or users at once runs one statement per list, not one per id.
 */
public final class InLists {

  /**
   * At most this many values in one list: far below the bind-parameter limits of SQLite (32,766)
   * and PostgreSQL (65,535), and a statement the planners handle as quickly as a short one.
   */
  public static final int MAX = 500;

  private InLists() {}

  /** {@code ids} as text, each once, in lists of at most {@value #MAX}; none for no ids. */
  public static List<List<String>> of(Collection<?> ids) {
    List<String> all = ids.stream().map(Object::toString).distinct().toList();
    List<List<String>> lists = new ArrayList<>();
    for (int from = 0; from < all.size(); from += MAX) {
      lists.add(all.subList(from, Math.min(all.size(), from + MAX)));
    }
    return lists;
  }
}
