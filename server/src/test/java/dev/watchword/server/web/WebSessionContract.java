package dev.watchword.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.otp.OtpauthUri;
import dev.watchword.server.identity.SignInContract;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.WebCsrf;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The web UI's session over plain HTTP, on each database: sign-in through the forms, the
 * {@code __Host-} cookies and their attributes, renewal, CSRF, CSP, and the API reached with the
 * session cookie (API.md: "or the web session cookie").
 */
public interface WebSessionContract extends SignInContract {

  @Test
  default void signInWhenThroughTheFormsThenSessionCookiesAreHostPrefixedHttpOnlySecureStrict() {
    NewAccount account = createUser();
    WebCsrf csrf = WebCsrf.random();

    ApiResponse password = form("/signin", csrf, null, Map.of("username", account.username(), "password", PASSWORD));
    assertThat(password.status()).isEqualTo(302);
    assertThat(password.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin/enrol"));
    String challenge = cookie(password, "__Host-watchword-signin").orElseThrow();
    assertThat(password.body()).doesNotContain(challenge.split("=", 2)[1]);

    ApiResponse enrolPage = send(anonymous().request("/signin/enrol").header("Cookie", challenge));
    assertThat(enrolPage.status()).isEqualTo(200);
    String secret = enrolPage.body().replaceAll("(?s).*<code class=\"secret\">([A-Z2-7 ]+)</code>.*", "$1")
        .replace(" ", "");
    String code = code(OtpauthUri.parse("otpauth://totp/W:x?secret=" + secret));

    ApiResponse confirmed = form("/signin/enrol", csrf, challenge, Map.of("code", code));

    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.body()).contains("recovery-codes");
    List<String> setCookies = confirmed.headers().allValues("Set-Cookie");
    for (String name : List.of("__Host-watchword=", "__Host-watchword-renew=")) {
      assertThat(setCookies).filteredOn(c -> c.startsWith(name)).singleElement().satisfies(c -> assertThat(c)
          .contains("Path=/", "Secure", "HttpOnly", "SameSite=Strict").doesNotContain("Domain=", "Max-Age"));
    }
    String session = cookie(confirmed, "__Host-watchword").orElseThrow();
    ApiResponse home = send(anonymous().request("/").header("Cookie", session));
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains(account.username());
  }

  @Test
  default void pageWhenSignedOutThenSignInAndHtmxIsToldWhereToGo() {
    ApiResponse page = anonymous().get("/me/security");
    ApiResponse fragment = send(anonymous().request("/search?q=x").header("HX-Request", "true"));

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
    assertThat(fragment.status()).isEqualTo(401);
    assertThat(fragment.headers().firstValue("HX-Redirect")).contains("/signin");
  }

  @Test
  default void pageWhenChangeHasNoCsrfTokenThenForbiddenAndNothingHappens() {
    Enrolled user = enrolledUser();
    String session = "__Host-watchword=" + user.accessToken();
    String sessionId = anonymous().as(user.accessToken()).get("/api/v1/sessions").json().path("sessions").get(0)
        .path("id").asString();

    ApiResponse forged = send(anonymous().request("/me/sessions/" + sessionId + "/end").header("Cookie", session)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(anonymous().as(user.accessToken()).get("/api/v1/users/me").status()).isEqualTo(200);
  }

  @Test
  default void pagesWhenServedThenStrictContentSecurityPolicyAndNoInlineScript() {
    ApiResponse signIn = anonymous().get("/signin");

    assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(signIn.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain(" style=", " onclick=");
  }

  @Test
  default void pageWhenAccessTokenHasExpiredThenTheRenewCookieRenewsItWithinTheSession() {
    Enrolled user = enrolledUser();
    clock().advance(Duration.ofMinutes(16));
    String cookies = "__Host-watchword=" + user.accessToken() + "; __Host-watchword-renew=" + user.refreshToken();

    ApiResponse page = send(anonymous().request("/me/security").header("Cookie", cookies));

    assertThat(page.status()).isEqualTo(200);
    assertThat(cookie(page, "__Host-watchword")).hasValueSatisfying(c -> assertThat(c).doesNotContain(user.accessToken()));
    assertThat(cookie(page, "__Host-watchword-renew")).hasValueSatisfying(c -> assertThat(c).doesNotContain(user.refreshToken()));
    // The old refresh token was rotated away: replaying it signs nobody in.
    ApiResponse replayed = send(anonymous().request("/me/security").header("Cookie", cookies));
    assertThat(replayed.status()).isEqualTo(302);
  }

  @Test
  default void apiWhenWebSessionCookieThenReadsWorkAndChangesNeedTheCsrfToken() {
    Enrolled user = enrolledUser();
    String session = "__Host-watchword=" + user.accessToken();
    WebCsrf csrf = WebCsrf.random();

    ApiResponse read = send(anonymous().request("/api/v1/users/me").header("Cookie", session));
    ApiResponse forged = send(anonymous().request("/api/v1/vaults").header("Cookie", session)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\"}")));
    ApiResponse made = send(anonymous().request("/api/v1/vaults").header("Cookie", session + "; " + csrf.cookie())
        .header(WebCsrf.HEADER, csrf.maskedToken())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Mine\"}")));

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text("username")).isEqualTo(user.username());
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.contentType()).startsWith("application/problem+json");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    // A bearer token needs no CSRF token: no browser sends one on its own.
    assertThat(anonymous().as(user.accessToken()).postJson("/api/v1/vaults", "{\"name\":\"Bearer\"}").status())
        .isEqualTo(201);
  }

  @Test
  default void signInApiWhenAnOldSessionCookieLingersThenNoCsrfTokenIsAsked() {
    NewAccount account = createUser();
    String stale = "__Host-watchword=ww_expired; __Host-watchword-renew=wwr_expired";

    ApiResponse login = send(anonymous().request("/api/v1/auth/login").header("Cookie", stale)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"username\":\"" + account.username() + "\",\"password\":\"" + PASSWORD + "\"}")));

    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.text("status")).isEqualTo("ENROLMENT_REQUIRED");
  }

  @Test
  default void apiWhenASessionCookieComesWithABearerTokenThenOnlyTheTokenDecides() {
    Enrolled user = enrolledUser();
    String session = "__Host-watchword=" + user.accessToken();

    ApiResponse withForeignToken = send(anonymous().request("/api/v1/vaults").header("Cookie", session)
        .header("Authorization", "Bearer ww_not-a-token")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\"}")));

    assertThat(withForeignToken.status()).isEqualTo(401);
  }

  @Test
  default void pageWhenAProxysBasicCredentialsComeWithTheSessionCookieThenTheCookieSignsInAndChangesNeedCsrf() {
    Enrolled user = enrolledUser();
    String session = "__Host-watchword=" + user.accessToken();
    // A reverse proxy with its own Basic authentication: browsers resend those credentials on every request.
    String basic = "Basic dXNlcjpwYXNz";

    ApiResponse page = send(anonymous().request("/vaults").header("Cookie", session).header("Authorization", basic));
    ApiResponse forged = send(anonymous().request("/api/v1/vaults").header("Cookie", session)
        .header("Authorization", basic)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\"}")));

    assertThat(page.status()).isEqualTo(200);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(anonymous().as(user.accessToken()).get("/api/v1/vaults").json().path("vaults").size()).isZero();
  }

  @Test
  default void pageWhenUserIsDisabledThenTheNextRequestIsSentToSignIn() {
    ApiClient owner = newOwner("owner");
    Enrolled user = enrolledUser(owner);
    String session = "__Host-watchword=" + user.accessToken() + "; __Host-watchword-renew=" + user.refreshToken();
    assertThat(send(anonymous().request("/").header("Cookie", session)).status()).isEqualTo(200);

    assertThat(owner.postJson("/api/v1/users/" + user.id() + "/disable", "{}").status()).isEqualTo(200);

    ApiResponse after = send(anonymous().request("/").header("Cookie", session));
    assertThat(after.status()).isEqualTo(302);
    assertThat(after.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
        .startsWith("__Host-watchword=").contains("Max-Age=0"));
  }

  private ApiResponse form(String path, WebCsrf csrf, String extraCookie, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")) + "&_csrf=" + csrf.maskedToken();
    String cookies = csrf.cookie() + (extraCookie == null ? "" : "; " + extraCookie);
    return send(anonymous().request(path).header("Cookie", cookies)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private ApiResponse send(HttpRequest.Builder request) {
    return anonymous().send(request);
  }

  /** {@code name=value} of a cookie the response sets, for sending back. */
  private static Optional<String> cookie(ApiResponse response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.split(";", 2)[0])
        .filter(c -> c.length() > name.length() + 1)
        .findFirst();
  }
}
