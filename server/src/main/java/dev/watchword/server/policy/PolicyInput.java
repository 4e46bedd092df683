package dev.watchword.server.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a rule may look at. Each part becomes one CEL variable ({@code subject}, {@code auth},
 * {@code request}, {@code resource}); absent strings become {@code ""} so a rule never meets null.
 */
public record PolicyInput(Subject subject, Authentication auth, Request request, Resource resource) {

  /** Who asks: {@code subject.username}, {@code subject.orgRole}, {@code subject.vaultRole}. */
  public record Subject(String username, String orgRole, String vaultRole) {}

  /**
   * How they signed in: {@code auth.aal}, {@code auth.methods}, {@code auth.ageSeconds} (since
   * the session's sign-in completed).
   */
  public record Authentication(int aal, List<String> methods, Instant authenticatedAt) {}

  /** Where and when: {@code request.ip}, {@code request.weekday} ("MONDAY"), {@code request.hour} (0-23 in {@code zone}). */
  public record Request(String ip, Instant at, ZoneId zone) {}

  /**
   * What: {@code resource.vaultId}, {@code vaultName}, {@code highValue}, {@code entryId},
   * {@code issuer}, {@code account}, {@code tags} (the entry's tags; empty when no entry is named).
   */
  public record Resource(String vaultId, String vaultName, boolean highValue, String entryId, String issuer,
      String account, List<String> tags) {}

  /** The CEL activation; integers are {@code long} as CEL's {@code int} requires. */
  Map<String, Object> variables() {
    ZonedDateTime local = request.at().atZone(request.zone());
    return Map.of(
        "subject", Map.of("username", text(subject.username()), "orgRole", text(subject.orgRole()),
            "vaultRole", text(subject.vaultRole())),
        "auth", Map.of("aal", (long) auth.aal(), "methods", auth.methods() == null ? List.of() : auth.methods(),
            "ageSeconds", Math.max(0, request.at().getEpochSecond() - auth.authenticatedAt().getEpochSecond())),
        "request", Map.of("ip", text(request.ip()), "weekday", local.getDayOfWeek().name(),
            "hour", (long) local.getHour()),
        "resource", Map.of("vaultId", text(resource.vaultId()), "vaultName", text(resource.vaultName()),
            "highValue", resource.highValue(), "entryId", text(resource.entryId()), "issuer", text(resource.issuer()),
            "account", text(resource.account()), "tags", resource.tags() == null ? List.of() : resource.tags()));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
