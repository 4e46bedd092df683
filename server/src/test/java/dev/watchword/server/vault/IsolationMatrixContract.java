package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Isolation, proven over every route the application serves (read from Spring MVC's own
 * mapping, so a new endpoint is covered without anyone adding it here): for each route with a
 * {vaultId} or {entryId}, and each role a caller can hold, an id of another client's vault or
 * entry answers exactly as an id that does not exist — never a success, never a 403 that would
 * confirm it exists.
 */
public interface IsolationMatrixContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void everyVaultRouteWhenIdIsForeignThenIndistinguishableFromMissing() {
    ApiClient manager = newMember("manager");
    String ownVault = manager.newVault();
    String ownEntry = manager.newTotpEntry(ownVault, SECRET);
    ApiClient otherClientsManager = newMember("other");
    String foreignVault = otherClientsManager.newVault();
    String foreignEntry = otherClientsManager.newTotpEntry(foreignVault, SECRET);
    // The other client's vault refuses every request by policy: isolation comes first, so its id
    // must still answer "not found" to outsiders, never "refused by policy".
    jdbc().sql("INSERT INTO vault_policy_rule (id, vault_id, name, expression, created_at)"
            + " VALUES (:id, :vault, 'lockdown', 'false', :now)")
        .param("id", UUID.randomUUID().toString()).param("vault", foreignVault).param("now", clock().millis())
        .update();
    Map<String, ApiClient> callers = new LinkedHashMap<>();
    callers.put("manager", manager);
    for (String role : List.of("viewer", "editor")) {
      ApiClient member = newMember(role);
      put(manager, ownVault, member.get("/api/v1/users/me").text("id"), "{\"role\":\"" + role + "\"}");
      callers.put(role, member);
    }
    callers.put("outsider", newMember("outsider"));

    List<String> scoped = routes().stream().filter(r -> r.contains("{vaultId}") || r.contains("{entryId}")).toList();
    assertThat(scoped).as("the vault routes must be found").hasSizeGreaterThanOrEqualTo(6);
    List<String> failures = new ArrayList<>();
    for (String route : scoped) {
      String method = route.substring(0, route.indexOf(' '));
      String pattern = route.substring(route.indexOf(' ') + 1);
      for (Map.Entry<String, ApiClient> caller : callers.entrySet()) {
        String missing = UUID.randomUUID().toString();
        // A foreign vault, and a foreign entry under the caller's own vault.
        compare(failures, caller, method, fill(pattern, foreignVault, foreignEntry), fill(pattern, missing, missing));
        if (pattern.contains("{entryId}")) {
          compare(failures, caller, method, fill(pattern, ownVault, foreignEntry), fill(pattern, ownVault, missing));
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(manager.postJson(ApiClient.codePath(ownVault, ownEntry), "{}").status()).isEqualTo(200);
  }

  private void compare(List<String> failures, Map.Entry<String, ApiClient> caller, String method, String foreignPath,
      String missingPath) {
    ApiResponse foreign = call(caller.getValue(), method, foreignPath);
    ApiResponse missing = call(caller.getValue(), method, missingPath);
    String type = foreign.json() == null ? "" : foreign.json().path("type").asString();
    String missingType = missing.json() == null ? "" : missing.json().path("type").asString();
    if (foreign.status() < 400 || foreign.status() == 403 || foreign.status() != missing.status()
        || !type.equals(missingType)) {
      failures.add(caller.getKey() + " " + method + " " + foreignPath + " -> " + foreign.status() + " " + type
          + " but missing id -> " + missing.status() + " " + missingType);
    }
  }

  private static ApiResponse call(ApiClient client, String method, String path) {
    HttpRequest.Builder request = client.request(path);
    if (method.equals("GET") || method.equals("DELETE")) {
      return client.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
    }
    if (ApiClient.isPage(path)) {
      // A web page takes a form; every field a page route reads is given, so the vault decides.
      return client.send(request.header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString("role=viewer&minutes=5&reason=isolation&account=a"
              + "&secret=" + SECRET + "&uri=x&text=x&label=x&name=isolation&expression=true&user=x&group=x"
              + "&maxGrantMinutes=5&timeZone=UTC")));
    }
    return client.send(request.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString("{\"role\":\"viewer\",\"account\":\"a\",\"secret\":\""
            + SECRET + "\"}")));
  }

  private static String fill(String pattern, String vault, String entry) {
    // Any other path variable (a user, an approval) gets a random id: the vault must decide first.
    return pattern.replace("{vaultId}", vault).replace("{entryId}", entry)
        .replaceAll("\\{[A-Za-z]+\\}", UUID.randomUUID().toString());
  }

  private static void put(ApiClient client, String vault, String userId, String json) {
    ApiResponse response = client.send(client.request("/api/v1/vaults/" + vault + "/members/" + userId)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    assertThat(response.status()).isEqualTo(200);
  }
}
