package dev.watchword.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.Secret;
import dev.watchword.otp.Totp;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.Oathtool;
import dev.watchword.server.support.ServerTestBase;
import dev.watchword.server.support.TemporaryDirectories;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI end to end in real headless Chromium (Debian's), as people use it: sign-in with a
 * password and an authenticator app, a passkey through Chromium's virtual authenticator, a code
 * found with one search and one click, keyboard only, under the strict CSP, and an offboarded
 * user's open page losing access on the next click.
 */
class BrowserTest extends ServerTestBase {

  static final String PASSWORD = "correct horse battery staple";
  private static final int PORT = freePort();
  private static final Path DATA_DIR = TemporaryDirectories.create("watchword-browser-");

  @DynamicPropertySource
  static void browserOrigin(DynamicPropertyRegistry registry) {
    // A fixed port, so the WebAuthn origin the server accepts is the one the browser reports.
    registry.add("server.port", () -> PORT);
    registry.add("watchword.data-dir", DATA_DIR::toString);
    registry.add("watchword.webauthn.allowed-origins", () -> "http://localhost:" + PORT);
  }

  @BeforeAll
  static void chromiumIsThere() {
    Chromium.requireInstalled();
  }

  @Test
  void technicianWhenSignedInWithKeyboardOnlyThenOneSearchAndOneClickGiveTheRightCode() {
    ApiClient owner = newOwner("owner-" + UUID.randomUUID());
    Person tech = newPerson(owner);
    String vault = created(owner.postJson("/api/v1/vaults", "{\"name\":\"Acme M365\",\"client\":\"Acme Ltd\"}"));
    String entrySecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    owner.newEntry(vault, "{\"issuer\":\"Microsoft\",\"account\":\"admin@acme.example\",\"secret\":\""
        + entrySecret + "\"}");
    grant(owner, vault, tech.id(), "viewer");

    try (BrowserSession browser = new BrowserSession(PORT)) {
      String totpSecret = enrolWithKeyboard(browser, tech).secret();
      assertThat(browser.all(".recovery-codes li")).hasSize(10);
      browser.screenshot("recovery-codes");
      browser.click(".button.primary");
      browser.waitForPath("/");

      // One search, one click, keyboard only: the search box has focus; Tab reaches "Get code".
      browser.find("#q").sendKeys("acme micro");
      browser.waitFor("#results[data-q='acme micro'] li.entry");
      browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
      WebElement focused = browser.driver.switchTo().activeElement();
      assertThat(focused.getText()).isEqualTo("Get code");
      Instant before = clock().instant();
      focused.sendKeys(Keys.ENTER);
      String code = browser.text(".released .otp");
      Instant after = clock().instant();
      assertThat(code).isIn(oathtool(entrySecret, before), oathtool(entrySecret, after));
      assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo(code);
      assertThat(browser.find(".released .copy").getText()).isEqualTo("Copy");
      browser.screenshot("codes");

      // On a phone the same page fits the screen: nothing scrolls sideways, the button is reachable.
      browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      assertThat((Long) browser.driver.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).isLessThanOrEqualTo(0L);
      assertThat(browser.find("li.entry form.get-code button").isDisplayed()).isTrue();
      browser.screenshot("codes-phone");
      browser.assertNoCspViolations();
      assertThat(totpSecret).isNotBlank();
    }
  }

  @Test
  void signInWhenTotpCodeIsReusedThenRefusedAndAFreshCodeSignsIn() {
    ApiClient owner = newOwner("owner-" + UUID.randomUUID());
    Person person = newPerson(owner);
    try (BrowserSession browser = new BrowserSession(PORT)) {
      Enrolment enrolment = enrolWithKeyboard(browser, person);
      String secret = enrolment.secret();
      browser.click(".button.primary");
      browser.click("form.signout button");
      browser.waitForPath("/signin");

      // exactly the code that was accepted: refused as reused (or, if its step has passed, as stale)
      signInWithPassword(browser, person);
      browser.type("#code", enrolment.confirmingCode());
      browser.click("form[action='/signin/totp'] button");
      assertThat(browser.text(".problem")).contains("Authentication failed");

      clock().advance(Duration.ofSeconds(30));
      browser.open("/signin");
      signInWithPassword(browser, person);
      browser.screenshot("sign-in-second-factor");
      browser.type("#code", totp(secret, clock().instant()));
      browser.click("form[action='/signin/totp'] button");
      browser.waitForPath("/");
      assertThat(browser.text(".who")).isEqualTo(person.username());
    }
  }

  @Test
  void passkeyWhenRegisteredOnMySecurityThenSignsInWithoutPasswordOrCode() {
    ApiClient owner = newOwner("owner-" + UUID.randomUUID());
    Person person = newPerson(owner);
    try (BrowserSession browser = new BrowserSession(PORT)) {
      ((HasVirtualAuthenticator) browser.driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
          .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
          .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
          .setHasResidentKey(true)
          .setHasUserVerification(true)
          .setIsUserVerified(true)
          .setIsUserConsenting(true));
      enrolWithKeyboard(browser, person);
      browser.open("/me/security");
      browser.type("#label", "Laptop");
      browser.click("#passkey-register button");
      assertThat(browser.text("table[aria-labelledby='passkeys'] tbody td")).isEqualTo("Laptop");
      browser.screenshot("my-security");
      browser.click("form.signout button");
      browser.waitForPath("/signin");
      browser.screenshot("sign-in");

      browser.click("#passkey-sign-in");
      browser.waitForPath("/");
      assertThat(browser.text(".who")).isEqualTo(person.username());
      browser.open("/me/security");
      assertThat(browser.text("table[aria-labelledby='sessions'] tbody tr")).contains("hwk");
      browser.assertNoCspViolations();
    }
  }

  @Test
  void offboardingWhenAnAdminDisablesAUserOnThePeoplePageThenTheirOpenPageLosesAccessOnTheNextClick() {
    ApiClient owner = newOwner("owner-" + UUID.randomUUID());
    Person tech = newPerson(owner);
    String vault = created(owner.postJson("/api/v1/vaults", "{\"name\":\"Globex\",\"client\":\"Globex Corp\"}"));
    owner.newEntry(vault, "{\"issuer\":\"AWS\",\"account\":\"root@globex.example\",\"secret\":\""
        + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\"}");
    grant(owner, vault, tech.id(), "viewer");
    try (BrowserSession browser = new BrowserSession(PORT); BrowserSession admin = new BrowserSession(PORT)) {
      enrolWithKeyboard(browser, tech);
      browser.click(".button.primary");
      browser.type("#q", "globex");
      browser.waitFor("#results[data-q='globex'] li.entry");

      admin.signInWithToken(owner.token());
      admin.open("/admin/users");
      admin.screenshot("admin-people");
      admin.open("/admin/users/" + tech.id() + "/offboarding");
      assertThat(admin.text("main")).contains("Globex");
      admin.screenshot("offboarding");
      admin.click("form[action$='/disable'] button");
      admin.waitFor(".ok, .notice");

      browser.click("li.entry form.get-code button");
      browser.waitForPath("/signin");
      assertThat(browser.all(".released .otp")).isEmpty();

      admin.open("/admin/audit?action=user.disable");
      assertThat(admin.text("main")).contains("user.disable");
      admin.screenshot("audit");
      admin.assertNoCspViolations();
    }
  }

  @Test
  void managerWhenImportingAQrImageMadeByQrencodeThenPreviewImportAndCodesAgreeWithOathtool() throws Exception {
    ApiClient owner = newOwner("owner-" + UUID.randomUUID());
    Person manager = newPerson(owner);
    String vault = created(owner.postJson("/api/v1/vaults", "{\"name\":\"Initech\",\"client\":\"Initech LLC\"}"));
    grant(owner, vault, manager.id(), "manager");
    String secret = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BAJJ2W24DT";
    Path qr = DATA_DIR.resolve("initech-" + UUID.randomUUID() + ".png");
    Process qrencode = new ProcessBuilder("qrencode", "-o", qr.toString(),
        "otpauth://totp/Initech:admin@initech.example?secret=" + secret + "&issuer=Initech").start();
    assertThat(qrencode.waitFor()).isZero();

    try (BrowserSession browser = new BrowserSession(PORT)) {
      enrolWithKeyboard(browser, manager);
      browser.open("/vaults/" + vault + "/import");
      browser.find("#import-file").sendKeys(qr.toAbsolutePath().toString());
      browser.click("#import-form button[type=submit]");
      assertThat(browser.text("#import-result h3")).isEqualTo("Preview");
      assertThat(browser.text("#import-result table")).contains("admin@initech.example", "will be imported");
      browser.scrollTo("#import-result");
      browser.screenshot("import-preview");
      assertThat(owner.get("/api/v1/vaults/" + vault + "/entries").json().path("entries").size()).isZero();

      browser.click("#import-result button[form=import-form]");
      assertThat(browser.text("#import-result .ok")).contains("1 imported");

      browser.open("/vaults/" + vault);
      browser.screenshot("vault-entries");
      browser.click("td[data-label='Edit'] a");
      assertThat(browser.text("#edit-entry")).contains("admin@initech.example");
      browser.screenshot("entry");
      browser.open("/vaults/" + vault + "/settings");
      browser.screenshot("vault-settings");
      browser.open("/?q=initech");
      Instant before = clock().instant();
      browser.click("li.entry form.get-code button");
      String code = browser.text(".released .otp");
      assertThat(code).isIn(oathtool(secret, before), oathtool(secret, clock().instant()));
      browser.assertNoCspViolations();
    }
  }

  @Test
  void accessRequestWhenTheManagerApprovesOnTheApprovalsPageThenTheTechnicianGetsTheCode() {
    ApiClient owner = newOwner("owner-" + UUID.randomUUID());
    Person manager = newPerson(owner);
    Person tech = newPerson(owner);
    String vault = created(owner.postJson("/api/v1/vaults", "{\"name\":\"Umbrella\",\"client\":\"Umbrella plc\"}"));
    String secret = "ONSWG4TFOQYTEMZUGU3DOOBZGAYTEMZU";
    owner.newEntry(vault, "{\"issuer\":\"Okta\",\"account\":\"it@umbrella.example\",\"secret\":\"" + secret + "\"}");
    grant(owner, vault, manager.id(), "manager");
    ApiResponse settings = owner.send(owner.request("/api/v1/vaults/" + vault + "/access-settings")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"requestable\":true,\"maxGrantMinutes\":120}")));
    assertThat(settings.status()).as(settings.body()).isEqualTo(200);

    try (BrowserSession techBrowser = new BrowserSession(PORT); BrowserSession managerBrowser = new BrowserSession(PORT)) {
      enrolWithKeyboard(techBrowser, tech);
      techBrowser.click(".button.primary");
      techBrowser.waitForPath("/");
      assertThat(techBrowser.all("li.entry")).isEmpty();
      techBrowser.type(".requestable input[name=reason]", "INC-4711 SSO outage");
      techBrowser.click(".requestable button[type=submit]");
      assertThat(techBrowser.text(".requestable .notice")).contains("Requested");

      enrolWithKeyboard(managerBrowser, manager);
      managerBrowser.open("/approvals");
      assertThat(managerBrowser.text("main")).contains("INC-4711 SSO outage");
      managerBrowser.screenshot("approvals");
      managerBrowser.click("ul.cards li form[action$='/approve'] button");
      managerBrowser.waitFor("ul.cards li .ok");

      techBrowser.open("/?q=umbrella");
      Instant before = clock().instant();
      techBrowser.click("li.entry form.get-code button");
      String code = techBrowser.text(".released .otp");
      assertThat(code).isIn(oathtool(secret, before), oathtool(secret, clock().instant()));
    }
  }

  @Override
  public java.util.List<String> offlineAuditArgs() {
    return java.util.List.of("--data-dir", DATA_DIR.toString());
  }

  /**
   * Every main page, as an owner who manages a vault sees it, passes Deque's axe-core rules for
   * WCAG 2.1 A and AA (labels, names, landmarks, contrast, ARIA), in the light and the dark scheme.
   */
  @Test
  void pagesWhenCheckedWithAxeThenMeetWcag21AA() {
    ApiClient owner = newOwner("owner-" + UUID.randomUUID());
    Person tech = newPerson(owner);
    String vault = created(owner.postJson("/api/v1/vaults", "{\"name\":\"Initech\",\"client\":\"Initech LLC\"}"));
    String entry = owner.newEntry(vault, "{\"issuer\":\"Okta\",\"account\":\"admin@initech.example\",\"secret\":\""
        + "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\",\"tags\":[\"sso\"]}");
    grant(owner, vault, tech.id(), "viewer");
    List<String> pages = List.of("/", "/vaults", "/vaults/" + vault, "/vaults/" + vault + "/entries/" + entry,
        "/vaults/" + vault + "/import", "/vaults/" + vault + "/members", "/vaults/" + vault + "/settings",
        "/approvals", "/me/security", "/admin/users", "/admin/users/" + tech.id(), "/admin/audit",
        "/admin/policies", "/admin/sso");
    List<String> violations = new ArrayList<>();
    for (boolean dark : new boolean[] {false, true}) {
      try (BrowserSession browser = new BrowserSession(PORT, dark)) {
        browser.open("/signin");
        violations.addAll(browser.accessibilityViolations());
        // the check itself works: a field without a label is found
        browser.driver.executeScript("document.querySelector('main').append(document.createElement('input'))");
        assertThat(browser.accessibilityViolations()).anyMatch(v -> v.contains(" label ("));
        browser.signInWithToken(owner.token());
        for (String page : pages) {
          browser.open(page);
          violations.addAll(browser.accessibilityViolations());
        }
        browser.open("/");
        browser.type("#q", "initech");
        browser.waitFor("#results[data-q='initech'] li.entry");
        browser.click("li.entry form.get-code button");
        browser.waitFor(".released .otp");
        violations.addAll(browser.accessibilityViolations());
        browser.assertNoCspViolations();
      }
    }
    assertThat(violations).isEmpty();
  }

  // --- people and vaults, through the API ---

  record Person(String id, String username) {}

  private Person newPerson(ApiClient owner) {
    String username = "tech-" + UUID.randomUUID().toString().substring(0, 8);
    String id = created(owner.postJson("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
        + PASSWORD + "\",\"displayName\":\"Tech\"}"));
    return new Person(id, username);
  }

  private static void grant(ApiClient owner, String vault, String userId, String role) {
    ApiResponse response = owner.send(owner.request("/api/v1/vaults/" + vault + "/members/" + userId)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role + "\"}")));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private static String created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.text("id");
  }

  // --- the browser steps ---

  /** First sign-in, keyboard only: password, then the authenticator app set up from the page. */
  private Enrolment enrolWithKeyboard(BrowserSession browser, Person person) {
    browser.open("/signin");
    browser.find("#username").sendKeys(person.username(), Keys.TAB);
    browser.driver.switchTo().activeElement().sendKeys(PASSWORD, Keys.ENTER);
    browser.waitForPath("/signin/enrol");
    browser.screenshot("enrol");
    String secret = browser.text("code.secret").replace(" ", "");
    String code = totp(secret, clock().instant());
    browser.driver.switchTo().activeElement().sendKeys(code, Keys.ENTER);
    browser.waitFor(".recovery-codes");
    return new Enrolment(secret, code);
  }

  /** The authenticator app's secret as the enrolment page showed it, and the code that confirmed it. */
  record Enrolment(String secret, String confirmingCode) {}

  private static void signInWithPassword(BrowserSession browser, Person person) {
    browser.type("#username", person.username());
    browser.type("#password", PASSWORD);
    browser.click("form[action='/signin'] button");
    browser.waitForPath("/signin/verify");
  }

  private static String totp(String base32, Instant at) {
    return Totp.generate(HmacAlgorithm.SHA1, Secret.fromBase32(base32).bytes(), at, 30, 6);
  }

  private static String oathtool(String base32, Instant at) {
    return Oathtool.totp(base32, "SHA1", 6, 30, at.getEpochSecond());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

}
