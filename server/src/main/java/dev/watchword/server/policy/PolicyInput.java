package dev.watchword.server.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a rule may look at. Each part becomes one CEL variable ({@code subject}, {@code auth},
 * {@code request}, {@code resource}); absent strings become {@code ""} and absent lists empty, so
 * a rule never meets null. {@code request.hour} and {@code request.weekday} are read in the time
 * zone of the rule set being evaluated ({@link RuleSet#zone()}).
 */
public record PolicyInput(Subject subject, Authentication auth, Request request, Resource resource) {

  /**
   * Who asks: {@code subject.username}, {@code subject.orgRole}, {@code subject.vaultRole},
   * {@code subject.groups} (the names of the groups they are in).
   */
  public record Subject(String username, String orgRole, String vaultRole, List<String> groups) {}

  /**
   * How they signed in: {@code auth.aal}, {@code auth.methods}, {@code auth.ageSeconds} (since
   * the session's sign-in completed).
   */
  public record Authentication(int aal, List<String> methods, Instant authenticatedAt) {}

  /**
   * Where, when and what for: {@code request.ip}, {@code request.action} (e.g. {@code "code.release"},
   * {@code "entry.list"}), {@code request.weekday} ("MONDAY") and {@code request.hour} (0-23).
   */
  public record Request(String ip, Instant at, String action) {}

  /**
   * What: {@code resource.vaultId}, {@code vaultName}, {@code highValue}, {@code entryId},
   * {@code issuer}, {@code account}, {@code tags} (the entry's; empty when no entry is named).
   */
  public record Resource(String vaultId, String vaultName, boolean highValue, String entryId, String issuer,
      String account, List<String> tags) {}

  /** The parts that do not depend on a time zone, built once per evaluation. */
  Map<String, Object> zoneFree() {
    return Map.of(
        "subject", Map.of("username", text(subject.username()), "orgRole", text(subject.orgRole()),
            "vaultRole", text(subject.vaultRole()), "groups", subject.groups() == null ? List.of() : subject.groups()),
        "auth", Map.of("aal", (long) auth.aal(), "methods", auth.methods() == null ? List.of() : auth.methods(),
            "ageSeconds", Math.max(0, request.at().getEpochSecond() - auth.authenticatedAt().getEpochSecond())),
        "resource", Map.of("vaultId", text(resource.vaultId()), "vaultName", text(resource.vaultName()),
            "highValue", resource.highValue(), "entryId", text(resource.entryId()), "issuer", text(resource.issuer()),
            "account", text(resource.account()), "tags", resource.tags() == null ? List.of() : resource.tags()));
  }

  /** The CEL activation in {@code zone}; integers are {@code long} as CEL's {@code int} requires. */
  Map<String, Object> variables(Map<String, Object> zoneFree, ZoneId zone) {
    ZonedDateTime local = request.at().atZone(zone);
    return Map.of(
        "subject", zoneFree.get("subject"),
        "auth", zoneFree.get("auth"),
        "resource", zoneFree.get("resource"),
        "request", Map.of("ip", text(request.ip()), "action", text(request.action()),
            "weekday", local.getDayOfWeek().name(), "hour", (long) local.getHour()));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
