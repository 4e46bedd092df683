package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Groups (teams) hold vault roles: their members get the role, the strongest role wins, grants can expire. */
public interface GroupContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void groupWhenGrantedAViewerRoleThenItsMembersGetCodesUntilTheyLeaveTheGroup() {
    ApiClient owner = newOwner("owner");
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient technician = newMember("technician");
    String technicianId = technician.get("/api/v1/users/me").text("id");
    String group = owner.postJson("/api/v1/groups", "{\"name\":\"Night shift " + UUID.randomUUID() + "\"}").text("id");
    assertThat(put(owner, "/api/v1/groups/" + group + "/members/" + technicianId, "").status()).isEqualTo(200);

    ApiResponse granted = put(manager, "/api/v1/vaults/" + vault + "/groups/" + group, "{\"role\":\"viewer\"}");

    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(technician.postJson(ApiClient.codePath(vault, entry), "{}").status()).isEqualTo(200);
    assertThat(technician.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"x\",\"secret\":\"" + SECRET + "\"}").status()).isEqualTo(403);
    assertThat(owner.send(owner.request("/api/v1/groups/" + group + "/members/" + technicianId).DELETE()).status())
        .isEqualTo(204);
    assertThat(technician.postJson(ApiClient.codePath(vault, entry), "{}").status()).isEqualTo(404);
  }

  @Test
  default void groupWhenItsRoleIsStrongerThanTheDirectOneThenTheStrongestRoleApplies() {
    ApiClient owner = newOwner("owner");
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient person = newMember("person");
    String personId = person.get("/api/v1/users/me").text("id");
    put(manager, "/api/v1/vaults/" + vault + "/members/" + personId, "{\"role\":\"viewer\"}");
    String group = owner.postJson("/api/v1/groups", "{\"name\":\"Editors " + UUID.randomUUID() + "\"}").text("id");
    put(owner, "/api/v1/groups/" + group + "/members/" + personId, "");
    String until = clock().instant().plus(Duration.ofSeconds(60)).toString();
    put(manager, "/api/v1/vaults/" + vault + "/groups/" + group, "{\"role\":\"editor\",\"expiresAt\":\"" + until + "\"}");

    assertThat(person.get("/api/v1/vaults").json().path("vaults").get(0).path("role").asString()).isEqualTo("editor");
    assertThat(person.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"x\",\"secret\":\"" + SECRET + "\"}").status()).isEqualTo(201);
    clock().advance(Duration.ofSeconds(61));
    assertThat(person.get("/api/v1/vaults").json().path("vaults").get(0).path("role").asString()).isEqualTo("viewer");
  }

  @Test
  default void groupsWhenCallerIsNotAnAdministratorThenForbidden() {
    assertThat(newMember("member").postJson("/api/v1/groups", "{\"name\":\"Mine\"}").status()).isEqualTo(403);
  }

  private static ApiResponse put(ApiClient client, String path, String json) {
    return client.send(client.request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }
}
