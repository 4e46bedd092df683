package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Two-person release: in a high-value vault a code is released only after a second member approves. */
public interface TwoPersonReleaseContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void codeWhenVaultIsHighValueThenReleasedOnlyAfterAnotherMemberApprovesAndOnlyOnce() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient technician = member(manager, vault, "technician");
    assertThat(patch(manager, vault, "{\"highValue\":true}").json().path("highValue").asBoolean()).isTrue();

    ApiResponse asked = technician.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"INC-9\"}");

    assertThat(asked.status()).isEqualTo(202);
    assertThat(asked.text("status")).isEqualTo("APPROVAL_REQUIRED");
    assertThat(asked.json().has("code")).isFalse();
    String approval = asked.text("approvalId");
    assertThat(technician.post(approvals(vault) + "/" + approval + "/approve", null, "").status()).isEqualTo(404);
    assertThat(newMember("outsider").post(approvals(vault) + "/" + approval + "/approve", null, "").status())
        .isEqualTo(404);
    assertThat(manager.get(approvals(vault)).json().path("approvals").findValuesAsString("approvalId"))
        .containsExactly(approval);
    assertThat(manager.post(approvals(vault) + "/" + approval + "/approve", null, "").status()).isEqualTo(204);

    ApiResponse released = technician.postJson(ApiClient.codePath(vault, entry), "{\"approval\":\"" + approval + "\"}");
    ApiResponse again = technician.postJson(ApiClient.codePath(vault, entry), "{\"approval\":\"" + approval + "\"}");

    assertThat(released.status()).isEqualTo(200);
    assertThat(released.text("code")).matches("\\d{6}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(jdbc().sql("SELECT detail FROM audit_event WHERE entry_id = :entry AND action = 'code.release'"
        + " AND decision = 'allow'").param("entry", entry).query(String.class).single()).contains("approvedBy=");
  }

  @Test
  default void codeWhenApprovalWasDeniedThenNotReleased() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient technician = member(manager, vault, "technician");
    patch(manager, vault, "{\"highValue\":true}");
    String approval = technician.postJson(ApiClient.codePath(vault, entry), "{}").text("approvalId");

    assertThat(manager.post(approvals(vault) + "/" + approval + "/deny", null, "").status()).isEqualTo(204);

    assertThat(technician.postJson(ApiClient.codePath(vault, entry), "{\"approval\":\"" + approval + "\"}").status())
        .isEqualTo(409);
  }

  @Test
  default void codeWhenOnlyTheEntryIsHighValueThenItAloneNeedsApproval() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String guarded = manager.newTotpEntry(vault, SECRET);
    String ordinary = manager.newTotpEntry(vault, SECRET);
    ApiClient technician = member(manager, vault, "technician");

    ApiResponse marked = manager.send(manager.request("/api/v1/vaults/" + vault + "/entries/" + guarded)
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"highValue\":true}")));

    assertThat(marked.status()).isEqualTo(200);
    assertThat(marked.json().path("highValue").asBoolean()).isTrue();
    assertThat(technician.postJson(ApiClient.codePath(vault, guarded), "{}").status()).isEqualTo(202);
    assertThat(technician.postJson(ApiClient.codePath(vault, ordinary), "{}").status()).isEqualTo(200);
    assertThat(technician.send(technician.request("/api/v1/vaults/" + vault + "/entries/" + ordinary)
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"highValue\":false}"))).status()).isEqualTo(403);
  }

  private static String approvals(String vault) {
    return "/api/v1/vaults/" + vault + "/approvals";
  }

  private ApiClient member(ApiClient manager, String vault, String name) {
    ApiClient member = newMember(name);
    String id = member.get("/api/v1/users/me").text("id");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + id)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"viewer\"}")));
    return member;
  }

  private static ApiResponse patch(ApiClient client, String vault, String json) {
    return client.send(client.request("/api/v1/vaults/" + vault)
        .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }
}
