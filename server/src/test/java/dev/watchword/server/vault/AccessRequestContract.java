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
    // The caller's own 15-minute token is gone by now too; the membership itself has ended.
    assertThat(jdbc().sql("SELECT COUNT(*) FROM vault_member WHERE vault_id = :vault AND user_id ="
            + " (SELECT requester_id FROM access_request WHERE id = :id) AND expires_at > :now")
        .param("vault", vault).param("id", id).param("now", clock().millis()).query(Integer.class).single())
        .isZero();
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

  private static ApiResponse put(ApiClient client, String path, String json) {
    return client.send(client.request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }
}
