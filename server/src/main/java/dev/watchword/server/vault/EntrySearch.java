package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The technician's search across every vault the caller can see: each word of the query must
 * appear in the entry's issuer, account or tags, or its vault's name or client. Only visible vaults are
 * read, through the same role-scoped queries as the API, so a search cannot reach further.
 */
@Component
class EntrySearch {

  static final int MAX_QUERY_LENGTH = 200;
  static final int MAX_RESULTS = 200;

  private final VaultService vaults;
  private final EntryService entries;

  EntrySearch(VaultService vaults, EntryService entries) {
    this.vaults = vaults;
    this.entries = entries;
  }

  /** At most {@link #MAX_RESULTS} hits, by client, vault, issuer and account. */
  List<Hit> search(Caller caller, String query) {
    List<String> words = words(query);
    List<Hit> hits = new ArrayList<>();
    for (Vault vault : vaults.listVisible(caller)) {
      for (Entry entry : entries.list(caller, vault.id(), null)) {
        if (matches(words, vault, entry)) {
          hits.add(new Hit(vault, entry));
        }
      }
    }
    hits.sort(java.util.Comparator.comparing((Hit h) -> lower(h.vault().client()))
        .thenComparing(h -> lower(h.vault().name()))
        .thenComparing(h -> lower(h.entry().issuer()))
        .thenComparing(h -> lower(h.entry().account())));
    return hits.size() > MAX_RESULTS ? hits.subList(0, MAX_RESULTS) : hits;
  }

  private static List<String> words(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    String bounded = query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
    return Arrays.stream(lower(bounded).split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  private static boolean matches(List<String> words, Vault vault, Entry entry) {
    String haystack = String.join("\n", lower(entry.issuer()), lower(entry.account()), lower(vault.name()),
        lower(vault.client()), String.join("\n", entry.tags()));
    return words.stream().allMatch(haystack::contains);
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }

  /** One entry found, with its vault (and the caller's role and release rules there). */
  public record Hit(Vault vault, Entry entry) {}
}
