package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The technician's search across every vault the caller can see: each word of the query must
 * appear in the entry's issuer, account or tags, or its vault's name or client. Only the vaults the
 * caller can see are read (the same role-scoped query as the API's vault list), and of those only
 * the ones whose policies allow listing entries, so a search reaches no further than the API.
 */
@Component
class EntrySearch {

  static final int MAX_QUERY_LENGTH = 200;
  static final int MAX_RESULTS = 200;
  /** What a search does to each vault, as its policies see it: the API's entry list. */
  static final String LIST_ACTION = "entry.list";

  private final VaultService vaults;
  private final EntryRepository entries;
  private final VaultPolicyService policies;

  EntrySearch(VaultService vaults, EntryRepository entries, VaultPolicyService policies) {
    this.vaults = vaults;
    this.entries = entries;
    this.policies = policies;
  }

  /**
   * At most {@link #MAX_RESULTS} hits, by client, vault, issuer and account, from the vaults whose
   * policies let the caller list entries ({@code entry.list}) from where they are now.
   */
  List<Hit> search(Caller caller, String query, RequestOrigin origin) {
    List<String> words = words(query);
    Map<VaultId, Vault> searchable = new HashMap<>();
    policies.allowing(caller, vaults.listVisible(caller), LIST_ACTION, origin)
        .forEach(vault -> searchable.put(vault.id(), vault));
    List<Hit> hits = new ArrayList<>();
    for (Entry entry : entries.listIn(searchable.keySet())) {
      Vault vault = searchable.get(entry.vaultId());
      if (matches(words, vault, entry)) {
        hits.add(new Hit(vault, entry));
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
