package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Vault memberships per API.md: roles, time-boxed grants, removal, offboarding. */
public interface MembershipContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void memberWhenViewerThenGetsCodesButMayNotEditOrManage() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient viewer = newMember("viewer");
    String viewerId = idOf(viewer);

    ApiResponse granted = put(manager, vault, viewerId, "{\"role\":\"viewer\"}");

    assertThat(granted.status()).isEqualTo(200);
    assertThat(granted.text("role")).isEqualTo("viewer");
    assertThat(viewer.get("/api/v1/vaults").json().path("vaults").findValuesAsString("id")).containsExactly(vault);
    assertThat(viewer.postJson(ApiClient.codePath(vault, entry), "{}").status()).isEqualTo(200);
    ApiResponse edit = viewer.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"x\",\"secret\":\"" + SECRET + "\"}");
    assertThat(edit.status()).isEqualTo(403);
    assertThat(edit.text("type")).endsWith("/vault-role-required");
    assertThat(put(viewer, vault, viewerId, "{\"role\":\"manager\"}").status()).isEqualTo(403);
  }

  @Test
  default void memberWhenGrantExpiresThenTheVaultIsNotFoundForThem() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient temp = newMember("temp");
    String until = clock().instant().plus(Duration.ofSeconds(60)).toString();

    assertThat(put(manager, vault, idOf(temp), "{\"role\":\"editor\",\"expiresAt\":\"" + until + "\"}").status())
        .isEqualTo(200);
    assertThat(temp.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(200);
    clock().advance(Duration.ofSeconds(61));

    assertThat(temp.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(404);
    assertThat(temp.get("/api/v1/vaults").json().path("vaults").size()).isZero();
  }

  @Test
  default void memberWhenRemovedThenNotFoundAndTheLastManagerCannotLeave() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient editor = newMember("editor");
    String editorId = idOf(editor);
    put(manager, vault, editorId, "{\"role\":\"editor\"}");

    ApiResponse removed = manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + editorId).DELETE());
    ApiResponse leaveAlone = manager.send(
        manager.request("/api/v1/vaults/" + vault + "/members/" + idOf(manager)).DELETE());
    ApiResponse demoteSelf = put(manager, vault, idOf(manager), "{\"role\":\"viewer\"}");

    assertThat(removed.status()).isEqualTo(204);
    assertThat(editor.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(404);
    assertThat(leaveAlone.status()).isEqualTo(409);
    assertThat(demoteSelf.status()).isEqualTo(409);
    assertThat(manager.get("/api/v1/vaults/" + vault + "/members").json().path("members").size()).isEqualTo(1);
  }

  @Test
  default void memberWhenTheOnlyOtherManagerIsTemporaryThenTheLastingManagerCannotStepDown() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient temporary = newMember("temporary");
    String until = clock().instant().plus(Duration.ofMinutes(10)).toString();
    put(manager, vault, idOf(temporary), "{\"role\":\"manager\",\"expiresAt\":\"" + until + "\"}");

    ApiResponse stepDown = put(manager, vault, idOf(manager), "{\"role\":\"editor\"}");
    ApiResponse lasting = put(manager, vault, idOf(temporary), "{\"role\":\"manager\"}");
    ApiResponse stepDownNow = put(manager, vault, idOf(manager), "{\"role\":\"editor\"}");

    assertThat(stepDown.status()).isEqualTo(409);
    assertThat(stepDown.text("type")).endsWith("/last-manager");
    assertThat(lasting.status()).isEqualTo(200);
    assertThat(stepDownNow.status()).isEqualTo(200);
  }

  @Test
  default void memberWhenCallerIsNotInTheVaultOrTheUserIsUnknownThenNotFound() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient outsider = newMember("outsider");

    assertThat(put(outsider, vault, idOf(outsider), "{\"role\":\"manager\"}").status()).isEqualTo(404);
    assertThat(put(manager, vault, UUID.randomUUID().toString(), "{\"role\":\"viewer\"}").status()).isEqualTo(404);
    assertThat(put(manager, vault, idOf(outsider), "{\"role\":\"owner\"}").status()).isEqualTo(400);
  }

  @Test
  default void memberWhenUserIsDisabledThenEveryMembershipEnds() {
    ApiClient owner = newOwner("owner");
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient leaver = newMember("leaver");
    String leaverId = idOf(leaver);
    put(manager, vault, leaverId, "{\"role\":\"editor\"}");

    assertThat(owner.postJson("/api/v1/users/" + leaverId + "/disable", "").status()).isEqualTo(200);

    assertThat(jdbc().sql("SELECT COUNT(*) FROM vault_member WHERE user_id = :id"
            + " AND (expires_at IS NULL OR expires_at > :now)")
        .param("id", leaverId).param("now", clock().millis()).query(Integer.class).single()).isZero();
    assertThat(leaver.get("/api/v1/vaults").status()).isEqualTo(401);
  }

  @Test
  default void disableWhileTheUserHammersTheApiThenNoRequestStartedAfterTheDisableReturnedSucceeds()
      throws Exception {
    ApiClient owner = newOwner("owner");
    ApiClient leaver = newMember("leaver");
    String leaverId = idOf(leaver);
    String vault = leaver.newVault();
    java.util.concurrent.ConcurrentLinkedQueue<long[]> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.ExecutorService hammer = java.util.concurrent.Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      hammer.submit(() -> {
        while (!stop.get()) {
          long started = System.nanoTime();
          int status = leaver.get("/api/v1/vaults/" + vault + "/entries").status();
          results.add(new long[] {started, status});
        }
      });
    }
    Thread.sleep(300);

    assertThat(owner.postJson("/api/v1/users/" + leaverId + "/disable", "").status()).isEqualTo(200);
    long disabledAt = System.nanoTime();
    Thread.sleep(300);
    stop.set(true);
    hammer.shutdown();
    assertThat(hammer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(results).anyMatch(r -> r[0] < disabledAt && r[1] == 200);
    assertThat(results.stream().filter(r -> r[0] > disabledAt).toList())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r[1]).isEqualTo(401));
  }

  private static ApiResponse put(ApiClient client, String vault, String userId, String json) {
    return client.send(client.request("/api/v1/vaults/" + vault + "/members/" + userId)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String idOf(ApiClient client) {
    return client.get("/api/v1/users/me").text("id");
  }
}
