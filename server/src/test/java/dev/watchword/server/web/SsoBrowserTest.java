package dev.watchword.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ServerTestBase;
import dev.watchword.server.support.TemporaryDirectories;
import dev.watchword.server.support.keycloak.KeycloakTestServer;
import dev.watchword.server.support.keycloak.KeycloakUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on as a person does it in real Chromium against a real Keycloak: the provider's
 * button on the sign-in page, Keycloak's own login form, back through Watchword's callback to
 * the completion page, whose script redeems the handoff into HttpOnly session cookies; no token
 * ever reaches a script or the address bar.
 */
class SsoBrowserTest extends ServerTestBase {

  private static final int PORT = freePort();
  private static final Path DATA_DIR = TemporaryDirectories.create("watchword-sso-browser-");

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("watchword.data-dir", DATA_DIR::toString);
    String prefix = "watchword.sso.providers[0].";
    registry.add(prefix + "id", () -> "keycloak");
    registry.add(prefix + "issuer", () -> KeycloakTestServer.shared().issuerUri().toString());
    registry.add(prefix + "client-id", () -> KeycloakTestServer.shared().clientId());
    registry.add(prefix + "client-secret", () -> KeycloakTestServer.shared().clientSecret());
    registry.add(prefix + "required-amr", () -> "pwd");
    registry.add(prefix + "auto-provision", () -> "true");
  }

  @BeforeAll
  static void chromiumAndKeycloakAreThere() {
    Chromium.requireInstalled();
    KeycloakTestServer.shared();
  }

  @Test
  void ssoWhenAPersonSignsInAtTheProviderThenTheyLandOnTheirCodesWithAnHttpOnlySessionAndNoTokenInReach() {
    KeycloakUser alice = KeycloakTestServer.shared().alice();
    try (BrowserSession browser = new BrowserSession(PORT)) {
      browser.open("/signin");
      browser.click("a[href='/api/v1/auth/sso/start/keycloak']");
      browser.type("#username", alice.username());
      browser.type("#password", alice.password());
      browser.click("#kc-login");
      browser.waitForPath("/");
      browser.waitFor("#q");

      assertThat(browser.text("header")).contains(alice.username());
      Cookie session = browser.driver.manage().getCookieNamed("__Host-watchword");
      assertThat(session).isNotNull();
      assertThat(session.isHttpOnly()).isTrue();
      assertThat(session.isSecure()).isTrue();
      Object visibleToScripts = browser.driver.executeScript(
          "return document.cookie + '|' + JSON.stringify(localStorage) + '|' + JSON.stringify(sessionStorage)");
      Cookie renewal = browser.driver.manage().getCookieNamed("__Host-watchword-renew");
      assertThat(renewal).isNotNull();
      assertThat(visibleToScripts.toString()).doesNotContain(session.getValue()).doesNotContain(renewal.getValue())
          .doesNotContain("wwh_");
      assertThat(browser.driver.getCurrentUrl()).doesNotContain("handoff").doesNotContain("code=");
      browser.assertNoCspViolations();
    }
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'signin.sso' AND decision = 'allow'"
        + " AND actor_name = :alice").param("alice", alice.username())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Override
  public java.util.List<String> offlineAuditArgs() {
    return java.util.List.of("--data-dir", DATA_DIR.toString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
