package dev.watchword.server.audit;

import static dev.watchword.server.web.OptionalText.strippedOrNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The audit viewer's filters as its form and links carry them, with the API's parameter names. A
 * blank field filters nothing; times are UTC, as a {@code datetime-local} field sends them
 * ({@code 2026-05-01T09:00}) or as an ISO-8601 instant.
 */
record AuditFilter(String vaultId, String entryId, String actor, String action, String decision, String from,
    String to) {

  AuditFilter {
    vaultId = strippedOrNull(vaultId);
    entryId = strippedOrNull(entryId);
    actor = strippedOrNull(actor);
    action = strippedOrNull(action);
    decision = strippedOrNull(decision);
    from = strippedOrNull(from);
    to = strippedOrNull(to);
  }

  static AuditFilter none() {
    return new AuditFilter(null, null, null, null, null, null, null);
  }

  /** The query these filters ask for, at most {@code limit} events a page; a bad filter is a 400. */
  AuditQuery toQuery(int limit) {
    return new AuditQuery(vaultId, entryId, actor, action, decision, instant("from", from), instant("to", to), null,
        limit);
  }

  /** {@code from} as a {@code datetime-local} field shows it. */
  public String fromInput() {
    return input(from);
  }

  public String toInput() {
    return input(to);
  }

  /** {@code path} with these filters and {@code extra} as its query string, each value encoded. */
  String link(String path, Map<String, String> extra) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("vaultId", vaultId);
    params.put("entryId", entryId);
    params.put("actor", actor);
    params.put("action", action);
    params.put("decision", decision);
    params.put("from", from);
    params.put("to", to);
    params.putAll(extra);
    StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
    params.forEach((name, value) -> {
      if (value != null) {
        query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    });
    return query.toString();
  }

  private static Instant instant(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException notInstant) {
        throw new InvalidAuditQueryException(name + " must be a date and time in UTC, for example 2026-05-01T09:00.");
      }
    }
  }

  private static String input(String value) {
    try {
      Instant at = instant("time", value);
      return at == null ? "" : LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC).toString();
    } catch (InvalidAuditQueryException unreadable) {
      return "";
    }
  }
}
