package dev.watchword.server.support.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm Keycloak imports at start-up, read from the test resource {@value #RESOURCE}: the one
 * place its client credentials and users are written down.
 */
final class WatchwordRealm {

  static final String RESOURCE = "/keycloak/watchword-realm.json";

  private final JsonNode realm;

  private WatchwordRealm(JsonNode realm) {
    this.realm = realm;
  }

  static WatchwordRealm load() {
    try (InputStream in = open()) {
      return new WatchwordRealm(JsonMapper.builder().build().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the realm file where {@code kc.sh start-dev --import-realm} reads it. */
  void copyInto(Path importDirectory) {
    try (InputStream in = open()) {
      Files.createDirectories(importDirectory);
      Files.copy(in, importDirectory.resolve("watchword-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return realm.path("realm").asString();
  }

  String clientId() {
    return client().path("clientId").asString();
  }

  String clientSecret() {
    return client().path("secret").asString();
  }

  KeycloakUser user(String username) {
    for (JsonNode user : realm.path("users")) {
      if (user.path("username").asString().equals(username)) {
        return new KeycloakUser(username, password(user), user.path("email").asString(),
            user.path("firstName").asString(), user.path("lastName").asString());
      }
    }
    throw new IllegalArgumentException("no user " + username + " in " + RESOURCE);
  }

  private JsonNode client() {
    JsonNode clients = realm.path("clients");
    if (clients.size() != 1) {
      throw new IllegalStateException(RESOURCE + " must define exactly one client");
    }
    return clients.get(0);
  }

  private static String password(JsonNode user) {
    for (JsonNode credential : user.path("credentials")) {
      if (credential.path("type").asString().equals("password")) {
        return credential.path("value").asString();
      }
    }
    throw new IllegalStateException("user " + user.path("username").asString() + " has no password in " + RESOURCE);
  }

  private static InputStream open() {
    InputStream in = WatchwordRealm.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is not on the test class path");
    }
    return in;
  }
}
