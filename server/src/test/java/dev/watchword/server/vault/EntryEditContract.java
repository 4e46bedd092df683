package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.Oathtool;
import dev.watchword.server.support.PageForms;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Renaming and deleting an entry, through the API and the entry's page: editors may, viewers may
 * not; a high-value entry only a manager deletes; a rename leaves the seed alone; a deletion takes
 * the seed, its tags and its pending approvals, keeps its audit events and the chain intact.
 */
public interface EntryEditContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void renameWhenAnEditorChangesIssuerAndAccountThenListedUnderTheNewNameWithTheSameCodes() {
    Oathtool.assumeInstalled();
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newEntry(vault,
        "{\"uri\":\"otpauth://totp/Amazon:root?secret=" + SECRET + "&issuer=Amazon\",\"tags\":[\"prod\"]}");
    ApiClient editor = newVaultMember(manager, vault, "editor");

    ApiResponse renamed = patch(editor, vault, entry, "{\"issuer\":\" AWS \",\"account\":\"ops@acme.example\"}");
    ApiResponse code = editor.postJson(ApiClient.codePath(vault, entry), "{}");

    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.text("issuer")).isEqualTo("AWS");
    assertThat(renamed.text("account")).isEqualTo("ops@acme.example");
    assertThat(renamed.json().path("tags").get(0).asString()).isEqualTo("prod");
    assertThat(code.status()).as(code.body()).isEqualTo(200);
    assertThat(code.text("code"))
        .isEqualTo(Oathtool.totp(SECRET, "SHA1", 6, 30, Instant.parse(code.text("validFrom")).getEpochSecond()));
    assertThat(auditDetails(entry, "entry.settings"))
        .containsExactly("issuer=\"AWS\" account=\"ops@acme.example\" was issuer=\"Amazon\" account=\"root\"");

    ApiResponse issuerRemoved = patch(editor, vault, entry, "{\"issuer\":\"\"}");
    assertThat(issuerRemoved.status()).isEqualTo(200);
    assertThat(issuerRemoved.json().hasNonNull("issuer")).isFalse();
    assertThat(issuerRemoved.text("account")).isEqualTo("ops@acme.example");
  }

  @Test
  default void renameWhenTheNameBreaksARuleOrTheCallerIsAViewerThenRefusedAndNothingChanges() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newEntry(vault, "{\"issuer\":\"GitHub\",\"account\":\"ops\",\"secret\":\"" + SECRET + "\"}");
    ApiClient viewer = newVaultMember(manager, vault, "viewer");

    for (String body : new String[] {"{}", "{\"account\":\" \"}", "{\"account\":\"a:b\"}",
        "{\"issuer\":\"" + "x".repeat(257) + "\"}", "{\"account\":\"tab\\there\"}"}) {
      ApiResponse refused = patch(manager, vault, entry, body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.text("type")).as(body).endsWith("/invalid-entry");
    }
    ApiResponse byViewer = patch(viewer, vault, entry, "{\"account\":\"mine\"}");
    ApiResponse missing = patch(viewer, vault, java.util.UUID.randomUUID().toString(), "{\"account\":\"mine\"}");

    assertThat(byViewer.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(manager.get(entries(vault)).json().path("entries").get(0).path("account").asString())
        .isEqualTo("ops");
    assertThat(auditDetails(entry, "entry.settings")).isEmpty();
  }

  @Test
  default void deleteWhenAnEditorDeletesThenTheSeedIsGoneTheEventsStayAndTheChainVerifies() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newEntry(vault,
        "{\"issuer\":\"GitHub\",\"account\":\"ops\",\"secret\":\"" + SECRET + "\",\"tags\":[\"prod\"]}");
    String kept = manager.newTotpEntry(vault, SECRET);
    ApiClient editor = newVaultMember(manager, vault, "editor");
    ApiClient viewer = newVaultMember(manager, vault, "viewer");
    assertThat(editor.postJson(ApiClient.codePath(vault, entry), "{}").status()).isEqualTo(200);

    ApiResponse byViewer = delete(viewer, vault, entry);
    ApiResponse deleted = delete(editor, vault, entry);
    ApiResponse again = delete(editor, vault, entry);
    ApiResponse code = editor.postJson(ApiClient.codePath(vault, entry), "{}");

    assertThat(byViewer.status()).isEqualTo(403);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(404);
    assertThat(code.status()).isEqualTo(404);
    assertThat(manager.get(entries(vault)).json().path("entries").findValuesAsString("id")).containsExactly(kept);
    assertThat(count("SELECT COUNT(*) FROM entry WHERE id = :entry", entry)).isZero();
    assertThat(count("SELECT COUNT(*) FROM entry_tag WHERE entry_id = :entry", entry)).isZero();
    assertThat(auditDetails(entry, "entry.delete")).containsExactly("issuer=\"GitHub\" account=\"ops\"");
    // the release before the deletion stays; the refused one after it is audited too
    assertThat(jdbc().sql("SELECT decision FROM audit_event WHERE entry_id = :entry AND action = 'code.release'"
        + " ORDER BY seq").param("entry", entry).query(String.class).list()).containsExactly("allow", "deny");
    assertThat(newAuditor("auditor").get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
  }

  @Test
  default void deleteWhenTheEntryOrItsVaultNeedsASecondPersonThenOnlyAManagerDeletesItAndItsApprovalsGo() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    assertThat(patch(manager, vault, entry, "{\"highValue\":true}").status()).isEqualTo(200);
    ApiClient editor = newVaultMember(manager, vault, "editor");
    ApiResponse pending = editor.postJson(ApiClient.codePath(vault, entry), "{}");
    assertThat(pending.status()).as(pending.body()).isEqualTo(202);

    ApiResponse renamedByEditor = patch(editor, vault, entry, "{\"account\":\"sandbox\"}");
    ApiResponse retaggedByEditor = patch(editor, vault, entry, "{\"tags\":[\"prod\"]}");
    ApiResponse renamedByManager = patch(manager, vault, entry, "{\"issuer\":\"AWS\"}");
    ApiResponse byEditor = delete(editor, vault, entry);
    ApiResponse byManager = delete(manager, vault, entry);

    // the approver goes by the entry's name: the requester's side must not be able to change it
    assertThat(renamedByEditor.status()).isEqualTo(403);
    assertThat(retaggedByEditor.status()).isEqualTo(200);
    assertThat(renamedByManager.status()).isEqualTo(200);
    assertThat(byEditor.status()).isEqualTo(403);
    assertThat(byEditor.text("detail")).contains("manager");
    assertThat(byManager.status()).isEqualTo(204);
    assertThat(count("SELECT COUNT(*) FROM release_approval WHERE entry_id = :entry", entry)).isZero();

    String inHighValueVault = manager.newTotpEntry(vault, SECRET);
    ApiResponse rules = manager.send(manager.request("/api/v1/vaults/" + vault)
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"highValue\":true}")));
    assertThat(rules.status()).as(rules.body()).isEqualTo(200);
    assertThat(delete(editor, vault, inHighValueVault).status()).isEqualTo(403);
  }

  @Test
  default void deleteWhenTheRevealedSeedWasNotReplacedThenManagersOnlyAndTheReportStillAsksForRotation() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newEntry(vault,
        "{\"issuer\":\"AWS\",\"account\":\"root\",\"secret\":\"" + SECRET + "\"}");
    ApiClient editor = newVaultMember(manager, vault, "editor");
    assertThat(manager.postJson(entries(vault) + "/" + entry + "/reveal", "{}").status()).isEqualTo(200);

    ApiResponse byEditor = delete(editor, vault, entry);
    ApiResponse byManager = delete(manager, vault, entry);
    String managerId = manager.get("/api/v1/users/me").text("id");
    ApiResponse report = newAdmin("admin").get("/api/v1/users/" + managerId + "/offboarding-report");

    assertThat(byEditor.status()).isEqualTo(403);
    assertThat(byManager.status()).isEqualTo(204);
    assertThat(report.status()).isEqualTo(200);
    tools.jackson.databind.JsonNode seed = report.json().path("revealedSeeds").get(0);
    assertThat(seed.path("entryId").asString()).isEqualTo(entry);
    assertThat(seed.hasNonNull("account")).isFalse();
    assertThat(seed.path("rotationDue").asBoolean()).isTrue();
  }

  @Test
  default void entryPageWhenAnEditorRenamesAndDeletesThroughItThenTheVaultPageSaysSo() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newEntry(vault, "{\"issuer\":\"GitHub\",\"account\":\"ops\",\"secret\":\"" + SECRET
        + "\",\"tags\":[\"prod\",\"git\"]}");
    ApiClient editor = newVaultMember(manager, vault, "editor");
    ApiClient viewer = newVaultMember(manager, vault, "viewer");
    String page = "/vaults/" + vault + "/entries/" + entry;

    ApiResponse form = editor.get(page);
    assertThat(form.status()).isEqualTo(200);
    assertThat(PageForms.text(form.body())).contains("Edit GitHub ops", "value=\"git, prod\"", "Delete GitHub ops");
    assertThat(viewer.get(page).status()).isEqualTo(403);
    assertThat(PageForms.text(editor.get("/vaults/" + vault).body())).contains("Edit or delete GitHub ops");

    ApiResponse saved = PageForms.post(editor, page, "issuer", "", "account", "deploy", "tags", "ci");
    assertThat(saved.status()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith("?done=entry-saved"));
    ApiResponse listed = editor.get(entries(vault));
    assertThat(listed.json().path("entries").get(0).path("account").asString()).isEqualTo("deploy");
    assertThat(listed.json().path("entries").get(0).hasNonNull("issuer")).isFalse();
    assertThat(listed.json().path("entries").get(0).path("tags").get(0).asString()).isEqualTo("ci");

    ApiResponse unconfirmed = PageForms.post(editor, page + "/delete");
    assertThat(unconfirmed.status()).isEqualTo(400);
    assertThat(editor.get(entries(vault)).json().path("entries").size()).isEqualTo(1);
    ApiResponse confirmed = PageForms.post(editor, page + "/delete", "confirm", "on");
    assertThat(confirmed.status()).isEqualTo(303);
    assertThat(editor.get("/vaults/" + vault + "?done=entry-deleted").body()).contains("Entry deleted.");
    assertThat(editor.get(entries(vault)).json().path("entries").size()).isZero();
  }


  private java.util.List<String> auditDetails(String entry, String action) {
    return jdbc().sql("SELECT detail FROM audit_event WHERE entry_id = :entry AND action = :action ORDER BY seq")
        .param("entry", entry).param("action", action).query(String.class).list();
  }

  private long count(String sql, String entry) {
    return jdbc().sql(sql).param("entry", entry).query(Long.class).single();
  }

  private static ApiResponse patch(ApiClient client, String vault, String entry, String json) {
    return client.send(client.request(entries(vault) + "/" + entry).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  private static ApiResponse delete(ApiClient client, String vault, String entry) {
    return client.send(client.request(entries(vault) + "/" + entry).DELETE());
  }

  private static String entries(String vault) {
    return "/api/v1/vaults/" + vault + "/entries";
  }
}
