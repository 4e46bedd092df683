package dev.watchword.server.support.keycloak;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The redirect from the authorization endpoint back to the client, read from its query: RFC 6749
 * §4.1.2 ({@code code}, {@code state}) and §4.1.2.1 ({@code error}), and RFC 9207 ({@code iss}).
 * {@link #toString()} omits the code.
 */
public record AuthorizationResponse(URI redirect, Map<String, String> parameters) {

  public static AuthorizationResponse from(URI redirect) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = redirect.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        parameters.putIfAbsent(decode(name), decode(value));
      }
    }
    return new AuthorizationResponse(redirect, Map.copyOf(parameters));
  }

  /** The redirect without its query: what was sent as {@code redirect_uri}. */
  public URI redirectUri() {
    return URI.create(redirect.getScheme() + "://" + redirect.getRawAuthority() + redirect.getRawPath());
  }

  public Optional<String> code() {
    return Optional.ofNullable(parameters.get("code"));
  }

  public Optional<String> state() {
    return Optional.ofNullable(parameters.get("state"));
  }

  public Optional<String> issuer() {
    return Optional.ofNullable(parameters.get("iss"));
  }

  public Optional<String> error() {
    return Optional.ofNullable(parameters.get("error"));
  }

  public Optional<String> errorDescription() {
    return Optional.ofNullable(parameters.get("error_description"));
  }

  @Override
  public String toString() {
    return "AuthorizationResponse[" + redirectUri() + (code().isPresent() ? ", code present" : "")
        + error().map(error -> ", error=" + error).orElse("") + "]";
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
