package dev.watchword.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Organisation-wide context policies: owners and admins keep rules that every vault request must
 * pass, before the vault's own. Each rule here names one test vault, and is removed again, so the
 * other tests sharing this server never meet it.
 */
public interface OrgPolicyContract extends ServerUnderTest {

  @Test
  default void orgPolicyWhenItRefusesAVaultRequestThenDeniedNamingTheRuleAndAuditedAndOutsidersStillGetNotFound() {
    ApiClient owner = newOwner("owner");
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String other = manager.newVault();
    ApiResponse added = addRule(owner, "no entry lists in " + vault.substring(0, 8),
        "resource.vaultId != \"" + vault + "\" || request.action != \"entry.list\"");
    try {
      ApiResponse refused = manager.get("/api/v1/vaults/" + vault + "/entries");
      ApiResponse outsider = newMember("outsider").get("/api/v1/vaults/" + vault + "/entries");

      assertThat(added.status()).as(added.body()).isEqualTo(201);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.text("type")).endsWith("/policy-denied");
      assertThat(refused.text("detail")).isEqualTo("Refused by policy '" + added.text("name") + "'.");
      assertThat(outsider.status()).isEqualTo(404);
      assertThat(manager.get("/api/v1/vaults/" + other + "/entries").status()).isEqualTo(200);
      assertThat(manager.get("/api/v1/vaults/" + vault + "/members").status()).isEqualTo(200);
      assertThat(jdbc().sql("SELECT decision || ' ' || rule FROM audit_event WHERE vault_id = :vault"
          + " AND action = 'entry.list'").param("vault", vault).query(String.class).list())
          .containsExactly("deny policy:" + added.text("name"));
      assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'org.policy.add' AND detail LIKE :rule")
          .param("rule", "rule=" + added.text("id") + " %").query(Integer.class).single()).isEqualTo(1);
    } finally {
      remove(owner, added.text("id"));
    }
    assertThat(manager.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(200);
  }

  @Test
  default void orgPolicyWhenTheVaultsOwnRuleAlsoRefusesThenTheOrganisationsRuleIsNamedFirst() {
    ApiClient owner = newOwner("owner");
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiResponse vaultRule = manager.postJson("/api/v1/vaults/" + vault + "/policies",
        "{\"name\":\"vault rule\",\"expression\":\"request.action != 'entry.list'\"}");
    ApiResponse orgRule = addRule(owner, "org rule",
        "resource.vaultId != '" + vault + "' || request.action != 'entry.list'");
    ApiResponse whileBoth;
    try {
      whileBoth = manager.get("/api/v1/vaults/" + vault + "/entries");
    } finally {
      remove(owner, orgRule.text("id"));
    }

    assertThat(vaultRule.status()).as(vaultRule.body()).isEqualTo(201);
    assertThat(whileBoth.text("detail")).isEqualTo("Refused by policy 'org rule'.");
    assertThat(manager.get("/api/v1/vaults/" + vault + "/entries").text("detail"))
        .isEqualTo("Refused by policy 'vault rule'.");
  }

  @Test
  default void orgPolicyWhenHourIsReadThenInTheOrganisationsTimeZone() {
    ApiClient owner = newOwner("owner");
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    int hour = clock().instant().atZone(java.time.ZoneId.of("Asia/Kolkata")).getHour();
    assertThat(setTimeZone(owner, "Asia/Kolkata").status()).isEqualTo(200);
    ApiResponse rule = addRule(owner, "office hours",
        "resource.vaultId != '" + vault + "' || request.hour in [" + hour + ", " + (hour + 1) % 24 + "]");
    try {
      assertThat(owner.get("/api/v1/policies").text("timeZone")).isEqualTo("Asia/Kolkata");
      assertThat(manager.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(200);
    } finally {
      remove(owner, rule.text("id"));
      setTimeZone(owner, "UTC");
    }
  }

  @Test
  default void orgPolicyWhenNotAnAdministratorOrInvalidThenRefused() {
    ApiClient owner = newOwner("owner");
    ApiClient member = newMember("member");

    ApiResponse byMember = addRule(member, "mine", "true");
    ApiResponse listByMember = member.get("/api/v1/policies");
    ApiResponse undeclared = addRule(owner, "typo", "requst.ip == '1.2.3.4'");
    ApiResponse notBoolean = addRule(owner, "number", "request.hour + 1");
    ApiResponse badZone = setTimeZone(owner, "Mars/Olympus");
    ApiResponse unknown = owner.send(owner.request("/api/v1/policies/" + java.util.UUID.randomUUID()).DELETE());

    assertThat(byMember.status()).isEqualTo(403);
    assertThat(listByMember.status()).isEqualTo(403);
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.text("type")).endsWith("/invalid-policy");
    assertThat(undeclared.text("detail")).contains("undeclared reference to 'requst'");
    assertThat(notBoolean.status()).isEqualTo(400);
    assertThat(badZone.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(owner.get("/api/v1/policies").json().path("rules").findValuesAsString("name"))
        .doesNotContain("typo", "number");
  }

  private static ApiResponse addRule(ApiClient client, String name, String expression) {
    return client.postJson("/api/v1/policies", "{\"name\":\"" + name + "\",\"expression\":\""
        + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }

  private static void remove(ApiClient owner, String ruleId) {
    assertThat(owner.send(owner.request("/api/v1/policies/" + ruleId).DELETE()).status()).isEqualTo(204);
  }

  private static ApiResponse setTimeZone(ApiClient client, String zone) {
    return client.send(client.request("/api/v1/policies/time-zone").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"timeZone\":\"" + zone + "\"}")));
  }
}
