package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Context policies: a vault's CEL rules must all hold for every request to the vault. */
public interface PolicyContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void codeWhenClientAddressIsOutsideTheRuleBlockThenRefusedNamingTheRuleAndAudited() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);

    ApiResponse added = addRule(manager, vault, "office network",
        "request.action != \"code.release\" || inCidr(request.ip, \"10.0.0.0/8\")");
    ApiResponse code = manager.postJson(ApiClient.codePath(vault, entry), "{}");

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(code.status()).as(code.body()).isEqualTo(403);
    assertThat(code.text("type")).endsWith("/policy-denied");
    assertThat(code.text("detail")).isEqualTo("Refused by policy 'office network'.");
    assertThat(jdbc().sql("SELECT decision || ' ' || rule || ' ' || detail FROM audit_event WHERE entry_id = :entry"
        + " AND action = 'code.release'").param("entry", entry).query(String.class).list())
        .containsExactly("deny policy:office network Refused by policy 'office network'.");
    assertThat(jdbc().sql("SELECT count(*) FROM audit_event WHERE vault_id = :vault AND action = 'policy.add'")
        .param("vault", vault).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  default void codeWhenEveryRuleHoldsThenReleasedAndAuditedWithTheRulesPassed() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    addRule(manager, vault, "loopback", "inCidr(request.ip, \"127.0.0.0/8\") || inCidr(request.ip, \"::1/128\")");
    addRule(manager, vault, "strong sign-in",
        "auth.aal >= 2 && subject.vaultRole == \"manager\" && \"test\" in auth.methods");

    ApiResponse code = manager.postJson(ApiClient.codePath(vault, entry), "{}");

    assertThat(code.status()).as(code.body()).isEqualTo(200);
    assertThat(jdbc().sql("SELECT detail FROM audit_event WHERE entry_id = :entry AND action = 'code.release'")
        .param("entry", entry).query(String.class).single()).matches("step=\\d+ policy=2");
    assertThat(jdbc().sql("SELECT rule FROM audit_event WHERE entry_id = :entry AND action = 'code.release'")
        .param("entry", entry).query(String.class).single()).isEqualTo("policy:all 2 rules allowed");
  }

  @Test
  default void codeWhenRequestHourIsOutsideOfficeHoursThenRefusedAndInsideThenReleased() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ZoneId zone = ZoneId.of("Asia/Kolkata");
    int hour = clock().instant().atZone(zone).getHour();
    setTimeZone(manager, vault, zone.getId());
    // "Office hours" around the server's current hour in the vault's zone, then far from it.
    String open = addRule(manager, vault, "office hours",
        "request.action != \"code.release\" || request.hour in [" + hour + ", " + (hour + 1) % 24 + "]").text("id");

    ApiResponse inside = manager.postJson(ApiClient.codePath(vault, entry), "{}");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/policies/" + open).DELETE());
    addRule(manager, vault, "office hours",
        "request.action != \"code.release\" || request.hour in [" + (hour + 8) % 24 + ", " + (hour + 9) % 24 + "]");
    ApiResponse outside = manager.postJson(ApiClient.codePath(vault, entry), "{}");

    assertThat(inside.status()).as(inside.body()).isEqualTo(200);
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.text("detail")).isEqualTo("Refused by policy 'office hours'.");
    assertThat(manager.get("/api/v1/vaults/" + vault + "/policies").json().path("rules").size()).isEqualTo(1);
  }

  @Test
  default void codeWhenARuleGuardsTaggedEntriesThenOnlyTheirCodesAreRefused() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String prod = manager.newEntry(vault, "{\"account\":\"prod\",\"secret\":\"" + SECRET + "\",\"tags\":[\"prod\"]}");
    String test = manager.newEntry(vault, "{\"account\":\"test\",\"secret\":\"" + SECRET + "\",\"tags\":[\"test\"]}");
    ApiClient viewer = newMember("viewer");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + viewer.get("/api/v1/users/me").text("id"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"viewer\"}")));
    addRule(manager, vault, "prod needs a manager", "!(\"prod\" in resource.tags) || subject.vaultRole == \"manager\"");

    ApiResponse viewerProd = viewer.postJson(ApiClient.codePath(vault, prod), "{}");

    assertThat(viewerProd.status()).isEqualTo(403);
    assertThat(viewerProd.text("detail")).isEqualTo("Refused by policy 'prod needs a manager'.");
    assertThat(viewer.postJson(ApiClient.codePath(vault, test), "{}").status()).isEqualTo(200);
    assertThat(manager.postJson(ApiClient.codePath(vault, prod), "{}").status()).isEqualTo(200);
  }

  @Test
  default void codeWhenARuleNamesAGroupThenOnlyItsMembersGetCodesFromTheNextRequestOn() {
    ApiClient owner = newOwner("owner");
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient viewer = newVaultMember(manager, vault, "viewer");
    String team = "oncall-" + java.util.UUID.randomUUID();
    addRule(manager, vault, "on call only",
        "request.action != \"code.release\" || \"" + team + "\" in subject.groups");

    ApiResponse outside = viewer.postJson(ApiClient.codePath(vault, entry), "{}");
    String group = owner.postJson("/api/v1/groups", "{\"name\":\"" + team + "\"}").text("id");
    owner.send(owner.request("/api/v1/groups/" + group + "/members/" + viewer.get("/api/v1/users/me").text("id"))
        .PUT(HttpRequest.BodyPublishers.noBody()));
    ApiResponse inside = viewer.postJson(ApiClient.codePath(vault, entry), "{}");

    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.text("detail")).isEqualTo("Refused by policy 'on call only'.");
    assertThat(inside.status()).as(inside.body()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(200);
  }

  @Test
  default void listWhenTheVaultsRulesAllowThenThePermitIsAuditedWithTheRouteAndTheRulesThatHeld() {
    ApiClient manager = newMember("manager");
    String ruled = manager.newVault();
    String plain = manager.newVault();
    ApiClient viewer = newVaultMember(manager, ruled, "viewer");
    addRule(manager, ruled, "always", "true");
    addRule(manager, ruled, "signed in", "auth.aal >= 1");

    assertThat(viewer.get("/api/v1/vaults/" + ruled + "/entries").status()).isEqualTo(200);
    assertThat(manager.get("/api/v1/vaults/" + plain + "/entries").status()).isEqualTo(200);

    assertThat(jdbc().sql("""
            SELECT actor_name, detail, rule, decision FROM audit_event
            WHERE vault_id = :vault AND action = 'policy.allow' ORDER BY seq""")
        .param("vault", ruled)
        .query((rs, n) -> rs.getString(1).startsWith("viewer") + " " + rs.getString(2) + " " + rs.getString(3)
            + " " + rs.getString(4))
        .list()).containsExactly("false action=policy.add policy:all 1 rules allowed allow",
            "true action=entry.list policy:all 2 rules allowed allow");
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE vault_id = :vault AND action = 'policy.allow'")
        .param("vault", plain).query(Long.class).single()).isZero();
  }

  @Test
  default void createWhenThePermitCannotBeAuditedThenTheHandlerNeverRunsAndTheAnswerIs503() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    addRule(manager, vault, "always", "true");
    ApiResponse api;
    ApiResponse page;
    jdbc().sql("ALTER TABLE audit_event RENAME TO audit_event_away").update();
    try {
      api = manager.postJson("/api/v1/vaults/" + vault + "/entries",
          "{\"account\":\"never\",\"secret\":\"" + SECRET + "\"}");
      page = manager.get("/vaults/" + vault);
    } finally {
      jdbc().sql("ALTER TABLE audit_event_away RENAME TO audit_event").update();
    }

    assertThat(api.status()).isEqualTo(503);
    assertThat(api.headers().firstValue("Retry-After")).isPresent();
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.body()).contains("<html").doesNotContain(SECRET);
    assertThat(manager.get("/api/v1/vaults/" + vault + "/entries").json().path("entries").size()).isZero();
    assertThat(newAuditor("auditor").get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
  }

  @Test
  default void addWhenExpressionDoesNotCompileOrIsNotBooleanThenRefusedWithTheCompilersMessage() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();

    ApiResponse undeclared = addRule(manager, vault, "typo", "requst.ip == \"1.2.3.4\"");
    ApiResponse notBoolean = addRule(manager, vault, "number", "request.hour + 1");
    ApiResponse badBlock = addRule(manager, vault, "block", "inCidr(request.ip, \"10.0.0.0/33\")");
    ApiResponse badZone = setTimeZone(manager, vault, "Mars/Olympus");

    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.text("type")).endsWith("/invalid-policy");
    assertThat(undeclared.text("detail")).contains("undeclared reference to 'requst'");
    assertThat(notBoolean.status()).isEqualTo(400);
    assertThat(badBlock.status()).isEqualTo(400);
    assertThat(badBlock.text("detail")).contains("10.0.0.0/33");
    assertThat(badZone.status()).isEqualTo(400);
    assertThat(manager.get("/api/v1/vaults/" + vault + "/policies").json().path("rules").size()).isZero();
  }

  @Test
  default void addWhenCallerIsNotManagerThenForbiddenAndOutsiderNotFound() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient viewer = newMember("viewer");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + viewer.get("/api/v1/users/me").text("id"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"viewer\"}")));

    ApiResponse byViewer = addRule(viewer, vault, "mine", "true");
    ApiResponse byOutsider = addRule(newMember("outsider"), vault, "mine", "true");
    ApiResponse listByViewer = viewer.get("/api/v1/vaults/" + vault + "/policies");

    assertThat(byViewer.status()).isEqualTo(403);
    assertThat(listByViewer.status()).isEqualTo(403);
    assertThat(byOutsider.status()).isEqualTo(404);
  }

  @Test
  default void everyVaultRouteWhenTheVaultsRulesRefuseThenPolicyDeniedNamingTheRuleAndAudited() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    // Stored directly: through the API, a rule that refuses everything is refused (policy-lockout).
    jdbc().sql("INSERT INTO vault_policy_rule (id, vault_id, name, expression, created_at)"
            + " VALUES (:id, :vault, 'lockdown', 'false', :now)")
        .param("id", UUID.randomUUID().toString()).param("vault", vault).param("now", clock().millis()).update();

    List<String> routes = routes().stream().filter(r -> r.contains("{vaultId}")).distinct().toList();
    List<String> failures = new ArrayList<>();
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replace("{vaultId}", vault).replace("{entryId}", entry)
          .replaceAll("\\{[A-Za-z]+\\}", UUID.randomUUID().toString());
      ApiResponse answer = manager.send(manager.request(path).header("Content-Type", "application/json")
          .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString("{}")));
      // A page shows the same problem as HTML, its apostrophes escaped.
      if (answer.status() != 403 || !answer.body().replace("&#39;", "'").contains("Refused by policy 'lockdown'.")) {
        failures.add(route + " -> " + answer.status() + " " + answer.body());
      }
    }

    assertThat(routes).as("the vault routes must be found").hasSizeGreaterThanOrEqualTo(25);
    assertThat(failures).isEmpty();
    assertThat(jdbc().sql("SELECT COUNT(DISTINCT action) FROM audit_event WHERE vault_id = :vault AND decision = 'deny'"
            + " AND rule = 'policy:lockdown'").param("vault", vault).query(Integer.class).single())
        .as("each route's denial audited under its action").isGreaterThanOrEqualTo(25);
    assertThat(manager.get("/api/v1/vaults").json().path("vaults").findValuesAsString("id")).contains(vault);
  }

  @Test
  default void entryListWhenARuleLimitsThatActionThenOnlyItIsRefusedAndItsDenialAudited() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient viewer = newMember("viewer");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + viewer.get("/api/v1/users/me").text("id"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"viewer\"}")));
    addRule(manager, vault, "codes, not browsing", "request.action != \"entry.list\" || subject.vaultRole == \"manager\"");

    ApiResponse list = viewer.get("/api/v1/vaults/" + vault + "/entries");

    assertThat(list.status()).isEqualTo(403);
    assertThat(list.text("type")).endsWith("/policy-denied");
    assertThat(list.text("detail")).isEqualTo("Refused by policy 'codes, not browsing'.");
    assertThat(viewer.postJson(ApiClient.codePath(vault, entry), "{}").status()).isEqualTo(200);
    assertThat(manager.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(200);
    assertThat(jdbc().sql("SELECT decision || ' ' || rule FROM audit_event WHERE vault_id = :vault"
        + " AND action = 'entry.list'").param("vault", vault).query(String.class).list())
        .containsExactly("deny policy:codes, not browsing");
  }

  @Test
  default void searchPageWhenAVaultsRulesRefuseListingThenItsEntriesAreNotShownButCodesStillWork() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String account = "hidden-" + java.util.UUID.randomUUID() + "@example.com";
    String entry = manager.newEntry(vault, "{\"issuer\":\"Okta\",\"account\":\"" + account + "\",\"secret\":\""
        + SECRET + "\"}");
    ApiClient viewer = newMember("viewer");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + viewer.get("/api/v1/users/me").text("id"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"viewer\"}")));
    String hit = "<li class=\"entry\"";
    assertThat(viewer.get("/search?q=" + account).body()).contains(hit);

    addRule(manager, vault, "codes, not browsing", "request.action != \"entry.list\" || subject.vaultRole == \"manager\"");

    // The search reads many vaults at once: one whose rules refuse listing is left out, as the API would refuse it.
    assertThat(viewer.get("/search?q=" + account).body()).doesNotContain(hit).contains("Nothing matches");
    assertThat(viewer.get("/?q=" + account).body()).doesNotContain(hit);
    assertThat(manager.get("/search?q=" + account).body()).contains(hit);
    assertThat(viewer.postJson(ApiClient.codePath(vault, entry), "{}").status()).isEqualTo(200);
  }

  @Test
  default void addWhenTheRuleWouldRefuseItsOwnRemovalThenConflictAndNothingStored() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();

    ApiResponse lockout = addRule(manager, vault, "office network", "inCidr(request.ip, \"10.0.0.0/8\")");
    ApiResponse narrowed = addRule(manager, vault, "office network",
        "request.action != \"code.release\" || inCidr(request.ip, \"10.0.0.0/8\")");

    assertThat(lockout.status()).isEqualTo(409);
    assertThat(lockout.text("type")).endsWith("/policy-lockout");
    assertThat(lockout.text("detail")).contains("'office network'", "request.action");
    assertThat(narrowed.status()).isEqualTo(201);
    assertThat(manager.get("/api/v1/vaults/" + vault + "/policies").json().path("rules").size()).isEqualTo(1);
  }

  private static ApiResponse addRule(ApiClient client, String vault, String name, String expression) {
    String json = "{\"name\":\"" + name + "\",\"expression\":\"" + expression.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
    return client.postJson("/api/v1/vaults/" + vault + "/policies", json);
  }

  private static ApiResponse setTimeZone(ApiClient client, String vault, String zone) {
    return client.send(client.request("/api/v1/vaults/" + vault + "/policies/time-zone")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"timeZone\":\"" + zone + "\"}")));
  }
}
