package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Secret;
import dev.watchword.otp.Totp;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Seed reveal: the one way a seed leaves, for managers, audited, followed by rotation; and the offboarding report. */
public interface SeedRevealContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  String NEW_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

  @Test
  default void revealWhenManagerThenSeedMarkedForRotationUntilAnEditorReplacesIt() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newEntry(vault, "{\"issuer\":\"AWS\",\"account\":\"root\",\"secret\":\"" + SECRET + "\"}");

    ApiResponse revealed = manager.postJson(path(vault, entry, "reveal"), "{\"reason\":\"moving to a new phone\"}");

    assertThat(revealed.status()).isEqualTo(200);
    assertThat(revealed.text("secret")).isEqualTo(SECRET);
    assertThat(OtpauthUri.parse(revealed.text("uri")).issuer()).isEqualTo("AWS");
    assertThat(revealed.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(entryJson(manager, vault).path("rotationDue").asBoolean()).isTrue();
    assertThat(jdbc().sql("SELECT reason FROM audit_event WHERE action = 'seed.reveal' AND entry_id = :entry"
        + " AND decision = 'allow'").param("entry", entry).query(String.class).single())
        .isEqualTo("moving to a new phone");

    ApiResponse replaced = manager.send(manager.request(path(vault, entry, "secret"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"secret\":\"" + NEW_SECRET + "\"}")));

    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().path("rotationDue").asBoolean()).isFalse();
    assertThat(replaced.body()).doesNotContain(NEW_SECRET);
    ApiResponse code = manager.postJson(ApiClient.codePath(vault, entry), "{}");
    assertThat(code.text("code")).isEqualTo(Totp.generate(HmacAlgorithm.SHA1, Secret.fromBase32(NEW_SECRET).bytes(),
        Instant.parse(code.text("validFrom")), 30, 6));
  }

  @Test
  default void revealWhenNotManagerThenRefusedAndTheAttemptIsAudited() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient editor = newMember("editor");
    String editorId = editor.get("/api/v1/users/me").text("id");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + editorId)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"editor\"}")));

    ApiResponse byEditor = editor.postJson(path(vault, entry, "reveal"), "{}");
    ApiResponse byOutsider = newMember("outsider").postJson(path(vault, entry, "reveal"), "{}");

    assertThat(byEditor.status()).isEqualTo(403);
    assertThat(byEditor.body()).doesNotContain(SECRET);
    assertThat(byOutsider.status()).isEqualTo(404);
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'seed.reveal' AND entry_id = :entry"
        + " AND decision = 'deny'").param("entry", entry).query(Integer.class).single()).isEqualTo(2);
    assertThat(entryJson(manager, vault).path("rotationDue").asBoolean()).isFalse();
  }

  @Test
  default void offboardingReportWhenALeaverRevealedASeedThenListsItWithTheVaultsTheyCouldReach() {
    ApiClient owner = newOwner("owner");
    ApiClient leaver = newMember("leaver");
    String leaverId = leaver.get("/api/v1/users/me").text("id");
    String vault = leaver.newVault();
    String entry = leaver.newTotpEntry(vault, SECRET);
    leaver.postJson(path(vault, entry, "reveal"), "{}");
    owner.postJson("/api/v1/users/" + leaverId + "/disable", "");

    ApiResponse report = owner.get("/api/v1/users/" + leaverId + "/offboarding-report");

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().path("vaults").get(0).path("vaultId").asString()).isEqualTo(vault);
    assertThat(report.json().path("vaults").get(0).path("until").asString()).isNotBlank();
    assertThat(report.json().path("revealedSeeds").get(0).path("entryId").asString()).isEqualTo(entry);
    assertThat(report.json().path("revealedSeeds").get(0).path("rotationDue").asBoolean()).isTrue();
    assertThat(report.body()).doesNotContain(SECRET);
    assertThat(newMember("member").get("/api/v1/users/" + leaverId + "/offboarding-report").status()).isEqualTo(403);
  }

  @Test
  default void offboardingReportWhenSeedsOfSeveralVaultsWereRevealedThenEachIsListedWithItsOwnEntry() {
    ApiClient owner = newOwner("owner");
    ApiClient leaver = newMember("leaver");
    String leaverId = leaver.get("/api/v1/users/me").text("id");
    String first = leaver.newVault();
    String second = leaver.newVault();
    String a = leaver.newEntry(first, "{\"issuer\":\"A\",\"account\":\"a\",\"secret\":\"" + SECRET + "\"}");
    String rotated = leaver.newEntry(first, "{\"issuer\":\"R\",\"account\":\"r\",\"secret\":\"" + SECRET + "\"}");
    String b = leaver.newEntry(second, "{\"issuer\":\"B\",\"account\":\"b\",\"secret\":\"" + SECRET + "\"}");
    for (String[] revealed : new String[][] {{first, a}, {first, rotated}, {second, b}}) {
      assertThat(leaver.postJson(path(revealed[0], revealed[1], "reveal"), "{}").status()).isEqualTo(200);
    }
    leaver.send(leaver.request(path(first, rotated, "secret")).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"secret\":\"" + SECRET + "\"}")));

    var seeds = owner.get("/api/v1/users/" + leaverId + "/offboarding-report").json().path("revealedSeeds");

    assertThat(seeds.size()).isEqualTo(3);
    java.util.Map<String, String> byEntry = new java.util.HashMap<>();
    seeds.forEach(seed -> byEntry.put(seed.path("entryId").asString(), seed.path("vaultId").asString() + " "
        + seed.path("issuer").asString() + ":" + seed.path("account").asString() + " "
        + seed.path("rotationDue").asBoolean()));
    assertThat(byEntry).containsEntry(a, first + " A:a true").containsEntry(rotated, first + " R:r false")
        .containsEntry(b, second + " B:b true");
  }

  @Test
  default void revealWhenVaultIsHighValueThenASecondManagerMustApproveAndACodeApprovalDoesNotCount() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient second = newMember("second");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + second.get("/api/v1/users/me").text("id"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"manager\"}")));
    manager.send(manager.request("/api/v1/vaults/" + vault).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"highValue\":true}")));
    String codeApproval = manager.postJson(ApiClient.codePath(vault, entry), "{}").text("approvalId");
    second.post("/api/v1/vaults/" + vault + "/approvals/" + codeApproval + "/approve", null, "");

    ApiResponse withCodeApproval = manager.postJson(path(vault, entry, "reveal"),
        "{\"approval\":\"" + codeApproval + "\"}");
    ApiResponse asked = manager.postJson(path(vault, entry, "reveal"), "{}");
    assertThat(asked.status()).isEqualTo(202);
    assertThat(asked.body()).doesNotContain(SECRET);
    second.post("/api/v1/vaults/" + vault + "/approvals/" + asked.text("approvalId") + "/approve", null, "");
    ApiResponse revealed = manager.postJson(path(vault, entry, "reveal"),
        "{\"approval\":\"" + asked.text("approvalId") + "\"}");

    assertThat(withCodeApproval.status()).isEqualTo(409);
    assertThat(revealed.status()).isEqualTo(200);
    assertThat(revealed.text("secret")).isEqualTo(SECRET);
  }

  private static String path(String vault, String entry, String action) {
    return "/api/v1/vaults/" + vault + "/entries/" + entry + "/" + action;
  }

  private static tools.jackson.databind.JsonNode entryJson(ApiClient client, String vault) {
    return client.get("/api/v1/vaults/" + vault + "/entries").json().path("entries").get(0);
  }
}
