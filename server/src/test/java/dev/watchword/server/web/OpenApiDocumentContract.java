package dev.watchword.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the server publishes covers API.md's contract, and {@code docs/openapi.json}
 * is that document: run with {@code -Dwatchword.openapi.write=true} to refresh it after an API change.
 */
public interface OpenApiDocumentContract extends ServerUnderTest {

  Path COMMITTED = Path.of("..", "docs", "openapi.json");

  @Test
  default void openApiWhenPublishedThenCoversTheContractAndMatchesDocs() throws IOException {
    ApiResponse published = anonymous().get("/v3/api-docs");
    assertThat(published.status()).isEqualTo(200);
    JsonNode paths = published.json().path("paths");
    assertThat(paths.propertyNames()).contains("/api/v1/vaults", "/api/v1/vaults/{vaultId}/entries",
        "/api/v1/vaults/{vaultId}/entries/{entryId}/code", "/api/v1/users", "/api/v1/users/{userId}/disable",
        "/api/v1/auth/login", "/api/v1/auth/enrol/totp", "/api/v1/auth/enrol/totp/confirm",
        "/api/v1/auth/login/totp");

    JsonMapper json = JsonMapper.builder().build();
    String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(withoutServers(published.json())) + "\n";
    if (Boolean.getBoolean("watchword.openapi.write")) {
      Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as("docs/openapi.json is stale: run the server tests with -Dwatchword.openapi.write=true")
        .isEqualTo(pretty);
  }

  /** The servers list names this test's random port; it is not part of the contract. */
  private static JsonNode withoutServers(JsonNode document) {
    return ((tools.jackson.databind.node.ObjectNode) document.deepCopy()).without("servers");
  }
}
