package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** A vault can require a reason for each release, optionally a ticket matching a pattern. */
public interface ReleaseRulesContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void codeWhenVaultRequiresATicketThenOnlyAMatchingReasonReleasesAndRefusalsAreAudited() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);

    ApiResponse settings = patch(manager, vault, "{\"ticketPattern\":\"^[A-Z]+-\\\\d+$\"}");

    assertThat(settings.status()).as(settings.body()).isEqualTo(200);
    assertThat(settings.json().path("requireReason").asBoolean()).isTrue();
    assertThat(settings.text("ticketPattern")).isEqualTo("^[A-Z]+-\\d+$");
    ApiResponse none = manager.postJson(ApiClient.codePath(vault, entry), "{}");
    ApiResponse wrong = manager.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"because\"}");
    ApiResponse ticket = manager.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"INC-1234\"}");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.text("type")).endsWith("/reason-required");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.text("detail")).contains("^[A-Z]+-\\d+$");
    assertThat(ticket.status()).isEqualTo(200);
    assertThat(jdbc().sql("SELECT reason FROM audit_event WHERE entry_id = :entry AND action = 'code.release'"
        + " ORDER BY seq").param("entry", entry).query(String.class).list())
        .containsExactly(null, "because", "INC-1234");
  }

  @Test
  default void settingsWhenPatternDoesNotCompileOrCallerIsNotManagerThenRefused() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();

    ApiResponse broken = patch(manager, vault, "{\"ticketPattern\":\"([A-Z\"}");
    ApiResponse outsider = patch(newMember("outsider"), vault, "{\"requireReason\":true}");

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.text("detail")).contains("does not compile");
    assertThat(outsider.status()).isEqualTo(404);
  }

  private static ApiResponse patch(ApiClient client, String vault, String json) {
    return client.send(client.request("/api/v1/vaults/" + vault)
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }
}
