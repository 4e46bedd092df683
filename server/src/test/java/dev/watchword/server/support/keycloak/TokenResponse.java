package dev.watchword.server.support.keycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint's answer: RFC 6749 §5.1 on success, §5.2 on error. {@link #toString()} shows
 * the status and error, never a token.
 */
public record TokenResponse(int status, JsonNode json) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static TokenResponse of(int status, String body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (RuntimeException notJson) {
      json = JSON.createObjectNode().put("error", "(not JSON: HTTP " + status + ")");
    }
    return new TokenResponse(status, json);
  }

  public boolean isSuccess() {
    return status == 200 && json.hasNonNull("access_token");
  }

  /** OpenID Connect Core §3.1.3.3: the ID token; fails when the response has none. */
  public Jwt idToken() {
    if (!json.hasNonNull("id_token")) {
      throw new IllegalStateException("no ID token in " + this);
    }
    return Jwt.parse(json.path("id_token").asString());
  }

  public Jwt accessToken() {
    return Jwt.parse(json.path("access_token").asString());
  }

  public String error() {
    return json.path("error").asString();
  }

  @Override
  public String toString() {
    return "TokenResponse[" + status + (json.hasNonNull("error") ? ", error=" + error() + ": "
        + json.path("error_description").asString() : "") + "]";
  }
}
