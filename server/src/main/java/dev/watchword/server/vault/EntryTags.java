package dev.watchword.server.vault;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An entry's tags: lowercase labels for the entry list's filter and for context policies
 * ({@code resource.tags}).
 *
 * <p>Guarantees: a valid tag set holds at most {@link #MAX_TAGS} distinct tags, each 1 to
 * {@link #MAX_LENGTH} characters of {@code a-z 0-9 . _ -} starting with a letter or digit, sorted;
 * input is stripped and lowercased first, so {@code "Prod"} and {@code "prod"} are one tag. A
 * refusal names the tag's position, never echoes it.
 */
final class EntryTags {

  static final int MAX_TAGS = 10;
  static final int MAX_LENGTH = 32;
  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

  private EntryTags() {}

  /** The normalised set of {@code tags} ({@code null} is none); refuses an invalid one with 400 {@code invalid-entry}. */
  static List<String> of(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    TreeSet<String> normalised = new TreeSet<>();
    for (int i = 0; i < tags.size(); i++) {
      normalised.add(one(tags.get(i), "Tag " + (i + 1)));
    }
    if (normalised.size() > MAX_TAGS) {
      throw new InvalidEntryException("An entry has at most " + MAX_TAGS + " tags.");
    }
    return List.copyOf(normalised);
  }

  /** One tag as a filter parameter; refuses an invalid one like a stored one. */
  static String filter(String tag) {
    return one(tag, "Parameter 'tag'");
  }

  private static String one(String tag, String what) {
    String normalised = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
    if (!TAG.matcher(normalised).matches()) {
      throw new InvalidEntryException(what + " must be 1 to " + MAX_LENGTH
          + " characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit.");
    }
    return normalised;
  }
}
