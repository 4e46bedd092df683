package dev.watchword.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Organisation roles: the organisation always keeps an active owner. */
public interface OrgRoleContract extends ServerUnderTest {

  @Test
  default void changeRoleWhenTheLastActiveOwnerWouldBeDemotedThenConflictUntilAnotherOwnerIsActive() {
    ApiClient owner = newOwner("owner");
    String ownerId = owner.get("/api/v1/users/me").text("id");
    // Owners made by other tests on this server would count; make this one the only active owner
    // for the test, and give the others their role back afterwards.
    List<String> others = jdbc().sql("SELECT id FROM app_user WHERE org_role = 'owner' AND disabled_at IS NULL"
        + " AND id <> :me").param("me", ownerId).query(String.class).list();
    setRoles(others, "admin");
    try {
      ApiResponse alone = changeRole(owner, ownerId, "admin");
      ApiClient second = newOwner("second");
      String secondId = second.get("/api/v1/users/me").text("id");
      assertThat(owner.postJson("/api/v1/users/" + secondId + "/disable", "").status()).isEqualTo(200);
      ApiResponse secondDisabled = changeRole(owner, ownerId, "member");
      ApiClient third = newOwner("third");
      ApiResponse thirdActive = changeRole(owner, ownerId, "member");

      assertThat(alone.status()).isEqualTo(409);
      assertThat(alone.text("type")).endsWith("/last-owner");
      assertThat(secondDisabled.status()).as("a disabled owner does not count").isEqualTo(409);
      assertThat(thirdActive.status()).as(thirdActive.body()).isEqualTo(200);
      assertThat(thirdActive.text("role")).isEqualTo("member");
      assertThat(third.get("/api/v1/users/me").text("role")).isEqualTo("owner");
      assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.role' AND detail LIKE :user")
          .param("user", "user=" + ownerId + " %").query(Integer.class).single()).isEqualTo(1);
    } finally {
      setRoles(others, "owner");
    }
  }

  private void setRoles(List<String> users, String role) {
    for (String id : users) {
      jdbc().sql("UPDATE app_user SET org_role = :role WHERE id = :id").param("role", role).param("id", id).update();
    }
  }

  private static ApiResponse changeRole(ApiClient owner, String userId, String role) {
    return owner.send(owner.request("/api/v1/users/" + userId + "/role").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role + "\"}")));
  }
}
