package dev.watchword.server.policy;

import dev.watchword.server.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The request and response bodies of both policy APIs, the organisation's ({@code /api/v1/policies})
 * and a vault's ({@code /api/v1/vaults/{vaultId}/policies}): one shape for both.
 */
public final class PolicyBodies {

  private PolicyBodies() {}

  /** A new rule: a name callers are told when it refuses them, and the CEL expression. */
  public record AddRuleRequest(
      @NotBlank @Size(max = PolicyRule.MAX_NAME_LENGTH) @PlainText String name,
      @NotBlank @Size(max = PolicyEngine.MAX_EXPRESSION_LENGTH) String expression) {}

  public record RuleView(String id, String name, String expression, Instant createdAt) {
    public static RuleView of(StoredRule stored) {
      return new RuleView(stored.rule().id(), stored.rule().name(), stored.rule().expression(), stored.createdAt());
    }
  }

  public record PolicyList(String timeZone, List<RuleView> rules) {
    public static PolicyList of(ZoneId zone, List<StoredRule> rules) {
      return new PolicyList(zone.getId(), rules.stream().map(RuleView::of).toList());
    }
  }

  /** The zone {@code request.hour} and {@code request.weekday} are read in; UTC until set. */
  public record TimeZoneView(@NotBlank @Size(max = 64) String timeZone) {}
}
