package dev.watchword.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Readers find events by vault, entry, actor, action, decision and time, page by page; exports come
 * as CSV or JSON and are audited; a vault's managers get their client's report and nothing else.
 */
public interface AuditQueryContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void auditWhenFilteredByVaultAndDecisionThenOnlyMatchingEventsInSequenceOrder() {
    ApiClient technician = newMember("technician");
    String vault = technician.newVault();
    String entry = technician.newTotpEntry(vault, SECRET);
    technician.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"INC-1\"}");
    technician.postJson(ApiClient.codePath(vault, "00000000-0000-4000-8000-000000000000"), "{}");

    JsonNode all = get(newAuditor("auditor"), "/api/v1/audit?vaultId=" + vault);
    JsonNode denied = get(newAuditor("auditor"), "/api/v1/audit?vaultId=" + vault + "&decision=deny");

    List<String> actions = texts(all.path("events"), "action");
    assertThat(actions).containsExactly("vault.create", "entry.create", "code.release", "code.release");
    JsonNode release = all.path("events").get(2);
    assertThat(release.path("reason").asString()).isEqualTo("INC-1");
    assertThat(release.path("entryId").asString()).isEqualTo(entry);
    assertThat(release.path("decision").asString()).isEqualTo("allow");
    assertThat(release.path("ip").asString()).isEqualTo("127.0.0.1");
    assertThat(release.path("sessionId").asString()).isNotBlank();
    assertThat(texts(denied.path("events"), "decision")).containsExactly("deny");
  }

  @Test
  default void auditWhenPagedThenCursorWalksEveryEventOnce() {
    ApiClient technician = newMember("pager");
    String vault = technician.newVault();
    String entry = technician.newTotpEntry(vault, SECRET);
    for (int i = 0; i < 5; i++) {
      technician.postJson(ApiClient.codePath(vault, entry), "{}");
    }
    ApiClient auditor = newAuditor("auditor");

    JsonNode first = get(auditor, "/api/v1/audit?vaultId=" + vault + "&action=code.release&limit=2");
    JsonNode second = get(auditor, "/api/v1/audit?vaultId=" + vault + "&action=code.release&limit=2&after="
        + first.path("next").asLong());
    JsonNode third = get(auditor, "/api/v1/audit?vaultId=" + vault + "&action=code.release&limit=2&after="
        + second.path("next").asLong());

    assertThat(first.path("events")).hasSize(2);
    assertThat(second.path("events")).hasSize(2);
    assertThat(third.path("events")).hasSize(1);
    assertThat(third.path("next").asLong(-1)).isEqualTo(-1);
    assertThat(second.path("events").get(0).path("seq").asLong()).isGreaterThan(first.path("next").asLong());
  }

  @Test
  default void auditWhenCallerIsAMemberOrFilterIsBadThenRefused() {
    ApiResponse member = newMember("nosy").get("/api/v1/audit");
    ApiResponse badDecision = newAuditor("auditor").get("/api/v1/audit?decision=maybe");
    ApiResponse badTime = newAuditor("auditor").get("/api/v1/audit?from=yesterday");
    ApiResponse badLimit = newAuditor("auditor").get("/api/v1/audit?limit=100000");

    assertThat(member.status()).isEqualTo(403);
    assertThat(badDecision.status()).isEqualTo(400);
    assertThat(badDecision.text("type")).endsWith("/invalid-audit-query");
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badLimit.status()).isEqualTo(400);
  }

  @Test
  default void exportWhenCsvThenEveryMatchingEventWithFormulasNeutralisedAndTheExportAudited() {
    ApiClient technician = newMember("exporter");
    String vault = technician.newVault();
    String entry = technician.newTotpEntry(vault, SECRET);
    technician.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"=HYPERLINK(\\\"http://evil\\\")\"}");
    ApiClient owner = newOwner("owner");

    ApiResponse csv = owner.get("/api/v1/audit/export?format=csv&vaultId=" + vault);
    ApiResponse json = owner.get("/api/v1/audit/export?format=json&vaultId=" + vault + "&action=code.release");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("seq,at,actor,actorId,action,vaultId,entryId,decision,reason,rule,ip");
    assertThat(lines).hasSize(4); // header, vault.create, entry.create, code.release
    assertThat(csv.body()).contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK");
    assertThat(json.status()).isEqualTo(200);
    JsonNode exported = ApiClient.parse(json.body());
    assertThat(exported.isArray()).isTrue();
    assertThat(texts(exported, "action")).containsExactly("code.release");
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'audit.export' AND actor_name LIKE 'owner-%'"
        + " AND detail LIKE :detail").param("detail", "%vault=" + vault + "%").query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  default void vaultReportWhenManagerThenOnlyThatVaultAndNotForViewersOrOutsiders() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String other = newMember("other").newVault();
    manager.newTotpEntry(vault, SECRET);

    ApiResponse page = manager.get("/api/v1/vaults/" + vault + "/audit");
    ApiResponse report = manager.get("/api/v1/vaults/" + vault + "/audit/report?format=csv&from=2000-01-01T00:00:00Z");
    ApiResponse foreign = manager.get("/api/v1/vaults/" + other + "/audit");

    assertThat(page.status()).isEqualTo(200);
    assertThat(StreamSupport.stream(page.json().path("events").spliterator(), false)
        .map(e -> e.path("vaultId").asString())).containsOnly(vault);
    assertThat(report.status()).isEqualTo(200);
    // vault.create, entry.create, and the export itself, which is committed before the file streams
    assertThat(report.body().split("\r\n")).hasSize(4);
    assertThat(report.body().split("\r\n")[3]).contains(",audit.export,");
    assertThat(foreign.status()).isEqualTo(404);
  }

  @Test
  default void roleWhenOwnerMakesAMemberAnAuditorThenTheirNextRequestReadsTheAuditAndAdminsCannotDoIt() {
    ApiClient owner = newOwner("owner");
    ApiClient member = newMember("future-auditor");
    String memberId = member.get("/api/v1/users/me").text("id");
    ApiResponse before = member.get("/api/v1/audit");

    ApiResponse changed = owner.send(owner.request("/api/v1/users/" + memberId + "/role")
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"auditor\"}")));
    ApiResponse after = member.get("/api/v1/audit");
    ApiResponse byMember = member.send(member.request("/api/v1/users/" + memberId + "/role")
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"owner\"}")));
    ApiResponse badRole = owner.send(owner.request("/api/v1/users/" + memberId + "/role")
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"god\"}")));

    assertThat(before.status()).isEqualTo(403);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.text("role")).isEqualTo("auditor");
    assertThat(after.status()).isEqualTo(200);
    assertThat(byMember.status()).isEqualTo(403);
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(jdbc().sql("SELECT detail FROM audit_event WHERE action = 'user.role' AND detail LIKE :user")
        .param("user", "user=" + memberId + "%").query(String.class).single())
        .isEqualTo("user=" + memberId + " from=member to=auditor");
  }

  private static JsonNode get(ApiClient client, String path) {
    ApiResponse response = client.get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(e -> e.path(field).asString()).toList();
  }
}
