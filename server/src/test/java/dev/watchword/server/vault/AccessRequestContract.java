package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Just-in-time access: request a role for a bounded time, another manager decides, the grant ends by itself. */
public interface AccessRequestContract extends ServerUnderTest {

  @Test
  default void requestWhenApprovedThenAccessUntilTheDurationEndsAndEverythingIsListed() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    assertThat(put(manager, "/api/v1/vaults/" + vault + "/access-settings",
        "{\"requestable\":true,\"maxGrantMinutes\":60}").status()).isEqualTo(200);
    ApiClient technician = newMember("technician");
    assertThat(technician.get("/api/v1/requestable-vaults").json().path("vaults").findValuesAsString("id"))
        .contains(vault);

    ApiResponse asked = technician.postJson("/api/v1/vaults/" + vault + "/access-requests",
        "{\"role\":\"viewer\",\"durationMinutes\":30,\"reason\":\"INC-7 outage\"}");
    String id = asked.text("id");

    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    assertThat(asked.text("status")).isEqualTo("pending");
    assertThat(technician.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(404);
    assertThat(technician.post("/api/v1/vaults/" + vault + "/access-requests/" + id + "/approve", null, "").status())
        .isEqualTo(404);
    assertThat(manager.get("/api/v1/vaults/" + vault + "/access-requests").json().path("requests")
        .findValuesAsString("id")).contains(id);
    assertThat(manager.post("/api/v1/vaults/" + vault + "/access-requests/" + id + "/approve", null, "").status())
        .isEqualTo(204);

    assertThat(technician.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(200);
    assertThat(technician.get("/api/v1/me/access-requests").json().path("requests").get(0).path("status")
        .asString()).isEqualTo("approved");
    clock().advance(Duration.ofMinutes(31));
    // The caller's own 15-minute token is gone by now too; the grant itself has ended.
    assertThat(jdbc().sql("SELECT COUNT(*) FROM access_request WHERE id = :id AND grant_until > :now")
        .param("id", id).param("now", clock().millis()).query(Integer.class).single())
        .isZero();
    assertThat(jdbc().sql("SELECT COUNT(*) FROM vault_member WHERE vault_id = :vault AND user_id ="
            + " (SELECT requester_id FROM access_request WHERE id = :id)")
        .param("vault", vault).param("id", id).query(Integer.class).single())
        .as("a grant is not a membership row").isZero();
  }

  @Test
  default void approveWhenViewerAsksForEditorThenEditorUntilTheGrantEndsAndViewerAgainAfter() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient viewer = newMember("viewer");
    String viewerId = idOf(viewer);
    put(manager, "/api/v1/vaults/" + vault + "/members/" + viewerId, "{\"role\":\"viewer\"}");

    approve(manager, vault, ask(viewer, vault, "editor", 1));

    assertThat(roleIn(viewer, vault)).isEqualTo("editor");
    assertThat(viewer.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"jit\",\"secret\":\"JBSWY3DPEHPK3PXP\"}").status()).isEqualTo(201);
    assertThat(manager.get("/api/v1/vaults/" + vault + "/members").json().path("members").findValuesAsString("source"))
        .containsExactlyInAnyOrder("direct", "direct", "access-request");
    clock().advance(Duration.ofSeconds(61));

    assertThat(roleIn(viewer, vault)).isEqualTo("viewer");
    assertThat(viewer.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(200);
    assertThat(viewer.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"late\",\"secret\":\"JBSWY3DPEHPK3PXP\"}").status()).isEqualTo(403);
    ApiResponse members = manager.get("/api/v1/vaults/" + vault + "/members");
    assertThat(members.json().path("members").findValuesAsString("userId")).contains(viewerId);
    assertThat(members.json().path("members").findValuesAsString("source")).containsOnly("direct");
  }

  @Test
  default void approveWhenManagerAsksForViewerThenTheyStayManagerDuringAndAfterTheGrant() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient second = newMember("second");
    put(manager, "/api/v1/vaults/" + vault + "/members/" + idOf(second), "{\"role\":\"manager\"}");

    approve(manager, vault, ask(second, vault, "viewer", 1));

    assertThat(roleIn(second, vault)).isEqualTo("manager");
    assertThat(second.get("/api/v1/vaults/" + vault + "/members").status()).isEqualTo(200);
    clock().advance(Duration.ofSeconds(61));
    assertThat(roleIn(second, vault)).isEqualTo("manager");
    assertThat(second.get("/api/v1/vaults/" + vault + "/members").status()).isEqualTo(200);
  }

  @Test
  default void removeOrDisableWhenUserHoldsAGrantThenTheGrantEndsAtOnce() {
    ApiClient owner = newOwner("owner");
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    put(manager, "/api/v1/vaults/" + vault + "/access-settings", "{\"requestable\":true,\"maxGrantMinutes\":60}");
    ApiClient removed = newMember("removed");
    ApiClient leaver = newMember("leaver");
    approve(manager, vault, ask(removed, vault, "viewer", 30));
    approve(manager, vault, ask(leaver, vault, "viewer", 30));

    ApiResponse removal = manager.send(
        manager.request("/api/v1/vaults/" + vault + "/members/" + idOf(removed)).DELETE());
    ApiResponse disable = owner.postJson("/api/v1/users/" + idOf(leaver) + "/disable", "");

    assertThat(removal.status()).isEqualTo(204);
    assertThat(disable.status()).isEqualTo(200);
    assertThat(removed.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(404);
    assertThat(manager.get("/api/v1/vaults/" + vault + "/members").json().path("members").size()).isEqualTo(1);
    assertThat(removed.get("/api/v1/me/access-requests").json().path("requests").get(0).path("status").asString())
        .isEqualTo("ended");
  }

  @Test
  default void requestWhenVaultIsNotRequestableOrTooLongThenRefused() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient technician = newMember("technician");

    ApiResponse hidden = technician.postJson("/api/v1/vaults/" + vault + "/access-requests",
        "{\"role\":\"viewer\",\"durationMinutes\":30,\"reason\":\"please\"}");
    put(manager, "/api/v1/vaults/" + vault + "/access-settings", "{\"requestable\":true,\"maxGrantMinutes\":60}");
    ApiResponse tooLong = technician.postJson("/api/v1/vaults/" + vault + "/access-requests",
        "{\"role\":\"viewer\",\"durationMinutes\":61,\"reason\":\"please\"}");
    ApiResponse denied = technician.postJson("/api/v1/vaults/" + vault + "/access-requests",
        "{\"role\":\"editor\",\"durationMinutes\":10,\"reason\":\"please\"}");
    manager.post("/api/v1/vaults/" + vault + "/access-requests/" + denied.text("id") + "/deny", null, "");

    assertThat(hidden.status()).isEqualTo(404);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(technician.get("/api/v1/me/access-requests").json().path("requests").get(0).path("status")
        .asString()).isEqualTo("denied");
    assertThat(technician.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(404);
  }

  /** Asks for {@code role} for {@code minutes} and returns the request's id. */
  private static String ask(ApiClient client, String vault, String role, int minutes) {
    ApiResponse asked = client.postJson("/api/v1/vaults/" + vault + "/access-requests",
        "{\"role\":\"" + role + "\",\"durationMinutes\":" + minutes + ",\"reason\":\"INC-1\"}");
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    return asked.text("id");
  }

  private static void approve(ApiClient manager, String vault, String requestId) {
    assertThat(manager.post("/api/v1/vaults/" + vault + "/access-requests/" + requestId + "/approve", null, "")
        .status()).isEqualTo(204);
  }

  /** The caller's effective role in the vault, as the vault list shows it. */
  private static String roleIn(ApiClient client, String vault) {
    for (var listed : client.get("/api/v1/vaults").json().path("vaults")) {
      if (listed.path("id").asString().equals(vault)) {
        return listed.path("role").asString();
      }
    }
    return null;
  }

  private static String idOf(ApiClient client) {
    return client.get("/api/v1/users/me").text("id");
  }

  private static ApiResponse put(ApiClient client, String path, String json) {
    return client.send(client.request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }
}
