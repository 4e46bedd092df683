package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entry tags: set at creation or by PATCH, normalised, validated, shown, filtered on. */
public interface EntryTagContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void createWhenTagsAreGivenThenReturnedNormalisedAndTheListFiltersOnThem() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();

    ApiResponse fields = manager.postJson(entries(vault),
        "{\"account\":\"root\",\"secret\":\"" + SECRET + "\",\"tags\":[\" Prod \",\"aws\",\"prod\"]}");
    ApiResponse uri = manager.postJson(entries(vault),
        "{\"uri\":\"otpauth://totp/GitHub:ops?secret=" + SECRET + "&issuer=GitHub\",\"tags\":[\"staging\"]}");
    ApiResponse none = manager.postJson(entries(vault), "{\"account\":\"plain\",\"secret\":\"" + SECRET + "\"}");

    assertThat(fields.status()).as(fields.body()).isEqualTo(201);
    assertThat(fields.json().path("tags").valueStream().map(t -> t.asString()).toList())
        .containsExactly("aws", "prod");
    assertThat(uri.status()).as(uri.body()).isEqualTo(201);
    assertThat(uri.json().path("tags").get(0).asString()).isEqualTo("staging");
    assertThat(none.json().path("tags").size()).isZero();
    assertThat(manager.get(entries(vault)).json().path("entries").findValuesAsString("account"))
        .containsExactlyInAnyOrder("root", "ops", "plain");
    assertThat(manager.get(entries(vault) + "?tag=PROD").json().path("entries").findValuesAsString("id"))
        .containsExactly(fields.text("id"));
    assertThat(manager.get(entries(vault) + "?tag=staging").json().path("entries").get(0).path("tags").size())
        .isEqualTo(1);
    assertThat(manager.get(entries(vault) + "?tag=nothing").json().path("entries").size()).isZero();
  }

  @Test
  default void createWhenTagsAreInvalidThenBadRequestNamingTheField() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String eleven = String.join(",", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "\"t" + i + "\"").toList());

    for (String tags : List.of("[" + eleven + "]", "[\"" + "a".repeat(33) + "\"]", "[\"two words\"]",
        "[\"-leading\"]", "[\"\"]", "[\"caf\u00e9\"]", "[null]")) {
      ApiResponse refused = manager.postJson(entries(vault),
          "{\"account\":\"x\",\"secret\":\"" + SECRET + "\",\"tags\":" + tags + "}");
      assertThat(refused.status()).as(tags).isEqualTo(400);
      assertThat(refused.text("type")).as(tags).endsWith("/invalid-entry");
      assertThat(refused.text("detail")).as(tags).containsAnyOf("Tag ", "tags");
    }
    ApiResponse badFilter = manager.get(entries(vault) + "?tag=a%20b");
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(badFilter.text("detail")).contains("'tag'");
    assertThat(manager.get(entries(vault)).json().path("entries").size()).isZero();
  }

  @Test
  default void updateWhenAnEditorSetsTagsThenTheyAreReplacedButHighValueStaysForManagers() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newEntry(vault, "{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"tags\":[\"old\"]}");
    ApiClient editor = newVaultMember(manager, vault, "editor");
    ApiClient viewer = newVaultMember(manager, vault, "viewer");

    ApiResponse retagged = patch(editor, vault, entry, "{\"tags\":[\"new\",\"prod\"]}");
    ApiResponse editorHighValue = patch(editor, vault, entry, "{\"highValue\":true}");
    ApiResponse viewerTags = patch(viewer, vault, entry, "{\"tags\":[]}");
    ApiResponse nothing = patch(manager, vault, entry, "{}");
    ApiResponse both = patch(manager, vault, entry, "{\"highValue\":true,\"tags\":[]}");

    assertThat(retagged.status()).as(retagged.body()).isEqualTo(200);
    assertThat(retagged.json().path("tags").valueStream().map(t -> t.asString()).toList())
        .containsExactly("new", "prod");
    assertThat(editorHighValue.status()).isEqualTo(403);
    assertThat(viewerTags.status()).isEqualTo(403);
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(both.status()).isEqualTo(200);
    assertThat(both.json().path("highValue").asBoolean()).isTrue();
    assertThat(both.json().path("tags").size()).isZero();
    assertThat(jdbc().sql("SELECT detail FROM audit_event WHERE entry_id = :entry AND action = 'entry.settings'"
            + " ORDER BY seq").param("entry", entry).query(String.class).list())
        .containsExactly("tags=new,prod", "highValue=true tags=");
  }


  private static ApiResponse patch(ApiClient client, String vault, String entry, String json) {
    return client.send(client.request(entries(vault) + "/" + entry).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String entries(String vault) {
    return "/api/v1/vaults/" + vault + "/entries";
  }
}
