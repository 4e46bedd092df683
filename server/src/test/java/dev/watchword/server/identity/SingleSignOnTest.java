package dev.watchword.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.SqliteServerTest;
import dev.watchword.server.support.TemporaryDirectories;
import dev.watchword.server.support.keycloak.AuthorizationResponse;
import dev.watchword.server.support.keycloak.KeycloakBrowserlessLogin;
import dev.watchword.server.support.keycloak.KeycloakTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on end to end against a real Keycloak: the authorization code flow with PKCE runs
 * through Watchword's own start and callback endpoints, and the handoff is redeemed over the API.
 * Two providers point at the same realm: "trusting" accepts Keycloak's password sign-in
 * ({@code amr=pwd}) as enough, "strict" asks for {@code otp}, which that sign-in lacks.
 */
class SingleSignOnTest extends SqliteServerTest {

  private static KeycloakTestServer keycloak;

  @BeforeAll
  static void startKeycloak() {
    keycloak = KeycloakTestServer.shared();
  }

  private static final java.nio.file.Path OWN_DATA_DIR = TemporaryDirectories.create("watchword-sso-test-");

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    // A data directory of its own: this context runs beside SqliteApiTest's.
    registry.add("watchword.data-dir", OWN_DATA_DIR::toString);
    String[][] providers = {{"trusting", "pwd"}, {"strict", "otp"}};
    for (int i = 0; i < providers.length; i++) {
      String prefix = "watchword.sso.providers[" + i + "].";
      int index = i;
      registry.add(prefix + "id", () -> providers[index][0]);
      registry.add(prefix + "issuer", () -> KeycloakTestServer.shared().issuerUri().toString());
      registry.add(prefix + "client-id", () -> KeycloakTestServer.shared().clientId());
      registry.add(prefix + "client-secret", () -> KeycloakTestServer.shared().clientSecret());
      registry.add(prefix + "required-amr", () -> providers[index][1]);
      registry.add(prefix + "auto-provision", () -> "true");
    }
  }

  @Test
  void ssoWhenProviderSignInMeetsTheRequirementThenTokensAndAProvisionedMember() throws Exception {
    HttpClient browser = KeycloakBrowserlessLogin.newHttpClient();

    String handoff = signIn(browser, "trusting");
    ApiResponse redeemed = anonymous().postJson("/api/v1/auth/sso/redeem", "{\"handoff\":\"" + handoff + "\"}");
    ApiResponse replayed = anonymous().postJson("/api/v1/auth/sso/redeem", "{\"handoff\":\"" + handoff + "\"}");

    assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
    assertThat(redeemed.text("status")).isEqualTo("SIGNED_IN");
    ApiResponse me = anonymous().as(redeemed.text("accessToken")).get("/api/v1/users/me");
    assertThat(me.text("username")).isEqualTo(keycloak.alice().username());
    assertThat(me.text("role")).isEqualTo("member");
    assertThat(replayed.status()).isEqualTo(401);

    String again = signIn(browser, "strict");
    ApiResponse strict = anonymous().postJson("/api/v1/auth/sso/redeem", "{\"handoff\":\"" + again + "\"}");
    assertThat(strict.text("status")).isEqualTo("ENROLMENT_REQUIRED");
    assertThat(strict.text("challenge")).startsWith("wwc_");
    assertThat(strict.json().has("accessToken")).isFalse();

    String userId = me.text("id");
    assertThat(newOwner("owner").postJson("/api/v1/users/" + userId + "/disable", "").status()).isEqualTo(200);
    assertThat(completePage(browser, "trusting")).endsWith("#error=access_denied");
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'signin.sso' AND decision = 'deny'"
        + " AND actor_id = :id").param("id", userId).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void providersWhenListedThenEachHasAStartUrl() {
    ApiResponse providers = anonymous().get("/api/v1/auth/sso/providers");

    assertThat(providers.status()).isEqualTo(200);
    assertThat(providers.json().path("providers").findValuesAsString("startUrl"))
        .containsExactly("/api/v1/auth/sso/start/trusting", "/api/v1/auth/sso/start/strict");
  }

  private String signIn(HttpClient browser, String provider) throws Exception {
    String page = completePage(browser, provider);
    assertThat(page).contains("#handoff=wwh_");
    return page.substring(page.indexOf("#handoff=") + "#handoff=".length());
  }

  /** Runs the browser leg and returns where Watchword finally sends the browser. */
  private String completePage(HttpClient browser, String provider) throws Exception {
    URI start = URI.create("http://127.0.0.1:" + port() + "/api/v1/auth/sso/start/" + provider);
    AuthorizationResponse back = new KeycloakBrowserlessLogin(keycloak.baseUri(), browser)
        .signIn(start, keycloak.alice());
    assertThat(back.code()).as(back.toString()).isPresent();
    HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(back.redirect()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
    return callback.headers().firstValue("Location").orElseThrow();
  }

}
