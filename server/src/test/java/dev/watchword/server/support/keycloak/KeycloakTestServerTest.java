package dev.watchword.server.support.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak the SSO tests rely on, signed in to as Watchword will: OpenID Connect Core §3.1
 * authorization code flow with PKCE S256 and a confidential client, without a browser.
 */
class KeycloakTestServerTest {

  /** Spring Security's default callback for a registration named "keycloak"; any loopback port is accepted. */
  private static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8080/login/oauth2/code/keycloak");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static KeycloakTestServer keycloak;
  private static JsonNode discovery;

  /** Per test rather than per class, so that a missing Keycloak shows as skipped tests in the report. */
  @BeforeEach
  void startKeycloak() {
    keycloak = KeycloakTestServer.shared();
    if (discovery == null) {
      discovery = getJson(keycloak.discoveryUri());
    }
  }

  @Test
  void discoveryWhenFetchedThenIssuerIsTheRealmAndPkceS256IsSupported() {
    assertThat(discovery.path("issuer").asString()).isEqualTo(keycloak.issuerUri().toString());
    assertThat(discovery.path("authorization_endpoint").asString()).startsWith(keycloak.issuerUri().toString());
    assertThat(discovery.path("token_endpoint").asString()).startsWith(keycloak.issuerUri().toString());
    assertThat(discovery.path("jwks_uri").asString()).startsWith(keycloak.issuerUri().toString());
    assertThat(texts(discovery.path("code_challenge_methods_supported"))).contains("S256");
    assertThat(discovery.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
  }

  @Test
  void signInWhenAuthorizationCodeWithPkceThenIdTokenNamesAlice() {
    KeycloakUser alice = keycloak.alice();
    Pkce pkce = Pkce.s256(RANDOM);
    String state = random();
    String nonce = random();
    KeycloakBrowserlessLogin login = new KeycloakBrowserlessLogin(keycloak);

    AuthorizationResponse response = login.signIn(authorizationRequest(state, nonce, pkce), alice);

    assertThat(response.error()).isEmpty();
    assertThat(response.redirectUri()).isEqualTo(REDIRECT_URI);
    assertThat(response.state()).contains(state);
    assertThat(response.issuer()).contains(keycloak.issuerUri().toString()); // RFC 9207
    TokenResponse tokens = login.redeem(tokenEndpoint(), keycloak.clientId(), keycloak.clientSecret(), response,
        pkce.verifier());
    assertThat(tokens.isSuccess()).as(tokens.toString()).isTrue();
    Jwt idToken = tokens.idToken();
    assertThat(idToken.isSignedBy(getJson(URI.create(discovery.path("jwks_uri").asString())))).isTrue();
    assertThat(idToken.claim("iss")).isEqualTo(keycloak.issuerUri().toString());
    assertThat(idToken.claim("sub")).isNotBlank();
    assertThat(idToken.audience()).containsExactly(keycloak.clientId());
    assertThat(idToken.claim("azp")).isEqualTo(keycloak.clientId());
    assertThat(idToken.claim("nonce")).isEqualTo(nonce);
    assertThat(idToken.claim("preferred_username")).isEqualTo(alice.username());
    assertThat(idToken.claim("email")).isEqualTo(alice.email());
    assertThat(idToken.claims().path("email_verified").asBoolean()).isTrue();
    assertThat(idToken.claim("given_name")).isEqualTo(alice.firstName());
    assertThat(idToken.claim("family_name")).isEqualTo(alice.lastName());
    assertThat(idToken.claims().path("auth_time").asLong()).isPositive();
    assertThat(idToken.claim("acr")).isEqualTo("1"); // a fresh sign-in at Keycloak's level 1
    assertThat(texts(idToken.claims().path("amr"))).containsExactly("pwd");
  }

  @Test
  void signInWhenKeycloakSessionExistsThenRedirectsBackWithoutTheForm() {
    KeycloakBrowserlessLogin login = new KeycloakBrowserlessLogin(keycloak);
    login.signIn(authorizationRequest(random(), random(), Pkce.s256(RANDOM)), keycloak.alice());
    Pkce pkce = Pkce.s256(RANDOM);

    AuthorizationResponse again = login.signIn(authorizationRequest(random(), random(), pkce), "alice",
        "not the password: the form must not be shown");

    Jwt idToken = login.redeem(tokenEndpoint(), keycloak.clientId(), keycloak.clientSecret(), again,
        pkce.verifier()).idToken();
    assertThat(idToken.claim("preferred_username")).isEqualTo("alice");
    assertThat(idToken.claim("acr")).isEqualTo("0"); // OpenID Connect Core §2: reused session
    assertThat(texts(idToken.claims().path("amr"))).containsExactly("pwd");
  }

  @Test
  void redeemWhenCodeVerifierIsMissingThenInvalidGrant() {
    KeycloakBrowserlessLogin login = new KeycloakBrowserlessLogin(keycloak);
    AuthorizationResponse response = login.signIn(authorizationRequest(random(), random(), Pkce.s256(RANDOM)),
        keycloak.alice());

    TokenResponse tokens = login.redeem(tokenEndpoint(), keycloak.clientId(), keycloak.clientSecret(), response, null);

    assertThat(tokens.status()).isEqualTo(400);
    assertThat(tokens.error()).isEqualTo("invalid_grant"); // RFC 7636 §4.6
  }

  @Test
  void signInWhenCodeChallengeIsMissingThenErrorRedirect() {
    URI withoutPkce = URI.create(discovery.path("authorization_endpoint").asString() + "?" + query(Map.of(
        "response_type", "code", "client_id", keycloak.clientId(), "redirect_uri", REDIRECT_URI.toString(),
        "scope", "openid", "state", "s")));

    AuthorizationResponse response = new KeycloakBrowserlessLogin(keycloak).signIn(withoutPkce, keycloak.alice());

    assertThat(response.error()).contains("invalid_request");
    assertThat(response.code()).isEmpty();
  }

  @Test
  void signInWhenPasswordIsWrongThenFailsWithKeycloaksMessage() {
    URI request = authorizationRequest(random(), random(), Pkce.s256(RANDOM));
    KeycloakBrowserlessLogin login = new KeycloakBrowserlessLogin(keycloak);

    assertThatThrownBy(() -> login.signIn(request, "alice", "wrong-password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Invalid username or password")
        .hasMessageNotContaining("wrong-password");
  }

  @Test
  void signInWhenRedirectUriIsNotLoopbackThenFailsWithKeycloaksMessage() {
    URI elsewhere = URI.create(authorizationRequest(random(), random(), Pkce.s256(RANDOM)).toString()
        .replace(URLEncoder.encode("http://127.0.0.1:8080", StandardCharsets.UTF_8),
            URLEncoder.encode("http://watchword.example", StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> new KeycloakBrowserlessLogin(keycloak).signIn(elsewhere, keycloak.alice()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Invalid parameter: redirect_uri");
  }

  /** OpenID Connect Core §3.1.2.1 with RFC 7636 §4.3. */
  private static URI authorizationRequest(String state, String nonce, Pkce pkce) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", keycloak.clientId());
    parameters.put("redirect_uri", REDIRECT_URI.toString());
    parameters.put("scope", "openid profile email");
    parameters.put("state", state);
    parameters.put("nonce", nonce);
    parameters.put("code_challenge", pkce.challenge());
    parameters.put("code_challenge_method", pkce.method());
    return URI.create(discovery.path("authorization_endpoint").asString() + "?" + query(parameters));
  }

  private static URI tokenEndpoint() {
    return URI.create(discovery.path("token_endpoint").asString());
  }

  private static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String random() {
    return UUID.randomUUID().toString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asString()));
    return texts;
  }

  private static JsonNode getJson(URI uri) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET " + uri).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
