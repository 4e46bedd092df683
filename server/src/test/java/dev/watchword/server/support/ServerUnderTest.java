package dev.watchword.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What a contract test needs from the running server, whichever database it runs on. */
public interface ServerUnderTest {

  /** A client signed in as a new member of the organisation, who belongs to no vault yet. */
  ApiClient newMember(String name);

  /** A client signed in as a new owner of the organisation. */
  ApiClient newOwner(String name);

  /** A client signed in as a new admin of the organisation. */
  ApiClient newAdmin(String name);

  /** A client signed in as a new auditor of the organisation. */
  ApiClient newAuditor(String name);

  ApiClient anonymous();

  /** A new member of the organisation whom {@code manager} has given {@code role} in {@code vault}. */
  default ApiClient newVaultMember(ApiClient manager, String vault, String role) {
    ApiClient member = newMember(role);
    addToVault(manager, vault, member, role);
    return member;
  }

  /** {@code manager} gives {@code member} {@code role} in {@code vault}. */
  default void addToVault(ApiClient manager, String vault, ApiClient member, String role) {
    String id = member.get("/api/v1/users/me").text("id");
    ApiClient.ApiResponse put = manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + id)
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role + "\"}")));
    if (put.status() != 200) {
      throw new AssertionError("could not add a " + role + " to the vault: " + put.status() + " " + put.body());
    }
  }

  /** The options with which {@code watchword audit verify} reads this server's log offline. */
  java.util.List<String> offlineAuditArgs();

  /** One of the running server's beans, for tests that drive background work (retention) directly. */
  <T> T bean(Class<T> type);

  /** The server's data directory (master key, audit head file, SQLite database). */
  java.nio.file.Path dataDir();

  /** Every route the application serves, as "METHOD /path/{var}", from Spring MVC's own mapping. */
  java.util.List<String> routes();

  /** The server's HTTP port, for raw requests. */
  int port();

  /** The server's clock; advancing it moves the server's time. */
  TestClock clock();

  /** Direct access to the server's database, for tests that tamper with storage. */
  JdbcClient jdbc();
}
