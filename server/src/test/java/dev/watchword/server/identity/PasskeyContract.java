package dev.watchword.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys (WebAuthn) through the API only, on each database, with a software authenticator
 * ({@link TestPasskey}) playing the browser at {@link #ORIGIN}.
 */
public interface PasskeyContract extends SignInContract {

  /** What the test servers are configured with (ServerTestBase). */
  String ORIGIN = "https://localhost:8443";
  String RP_ID = "localhost";

  @Test
  default void signInWhenPasskeyIsRegisteredThenAal3SessionWithTokensThatWork() {
    Enrolled user = enrolledUser();
    TestPasskey passkey = new TestPasskey();
    assertThat(register(anonymous().as(user.accessToken()), passkey, "Laptop").status()).isEqualTo(200);

    ApiResponse signedIn = passkeySignIn(passkey, ORIGIN, RP_ID);

    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.text("tokenType")).isEqualTo("Bearer");
    assertThat(signedIn.text("accessToken")).startsWith("ww_");
    assertThat(signedIn.text("refreshToken")).startsWith("wwr_");
    assertThat(signedIn.json().path("expiresIn").asLong()).isBetween(1L, 900L);
    assertThat(signedIn.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(signedIn.headers().firstValue("Set-Cookie")).isEmpty();
    ApiClient session = anonymous().as(signedIn.text("accessToken"));
    assertThat(session.get("/api/v1/users/me").text("username")).isEqualTo(user.username());
    JsonNode current = session.get("/api/v1/sessions").json().path("sessions").get(0);
    assertThat(current.path("id").asString()).isEqualTo(signedIn.text("sessionId"));
    assertThat(current.path("aal").asInt()).isEqualTo(3);
    assertThat(current.path("methods").asString()).isEqualTo("hwk");
  }

  @Test
  default void signInWhenIdleForMoreThanFifteenMinutesThenAal3SessionHasEnded() {
    Enrolled user = enrolledUser();
    TestPasskey passkey = new TestPasskey();
    register(anonymous().as(user.accessToken()), passkey, "Laptop");
    ApiResponse signedIn = passkeySignIn(passkey, ORIGIN, RP_ID);

    clock().advance(Duration.ofMinutes(16));

    assertThat(anonymous().postJson("/api/v1/auth/refresh",
        "{\"refreshToken\":\"" + signedIn.text("refreshToken") + "\"}").status()).isEqualTo(401);
  }

  @Test
  default void passkeysWhenTwoAreRegisteredThenBothAreListedWithoutKeyMaterialAndEachCanBeRemoved() {
    Enrolled user = enrolledUser();
    ApiClient me = anonymous().as(user.accessToken());
    TestPasskey laptop = new TestPasskey();
    TestPasskey phone = new TestPasskey();
    assertThat(register(me, laptop, "Laptop").status()).isEqualTo(200);
    assertThat(register(me, phone, "Phone").status()).isEqualTo(200);

    ApiResponse listed = me.get("/api/v1/me/passkeys");

    assertThat(listed.status()).isEqualTo(200);
    JsonNode passkeys = listed.json().path("passkeys");
    assertThat(passkeys.size()).isEqualTo(2);
    assertThat(passkeys.valueStream().map(p -> p.path("label").asString()))
        .containsExactlyInAnyOrder("Laptop", "Phone");
    assertThat(passkeys.get(0).propertyNames()).containsExactlyInAnyOrder("id", "label", "createdAt");
    assertThat(listed.body()).doesNotContain(laptop.credentialId()).doesNotContain(phone.credentialId())
        .doesNotContain(Base64.getEncoder().encodeToString(laptop.publicKeyEncoded()));
    for (JsonNode passkey : passkeys) {
      ApiResponse removed = me.send(me.request("/api/v1/me/passkeys/" + passkey.path("id").asString()).DELETE());
      assertThat(removed.status()).isEqualTo(204);
    }
    assertThat(me.get("/api/v1/me/passkeys").json().path("passkeys").size()).isZero();
  }

  @Test
  default void removeWhenPasskeyIsAnotherUsersThenNotFound() {
    Enrolled owner = enrolledUser();
    register(anonymous().as(owner.accessToken()), new TestPasskey(), "Mine");
    String id = anonymous().as(owner.accessToken()).get("/api/v1/me/passkeys").json().path("passkeys").get(0)
        .path("id").asString();
    ApiClient other = anonymous().as(enrolledUser().accessToken());

    assertThat(other.send(other.request("/api/v1/me/passkeys/" + id).DELETE()).status()).isEqualTo(404);
    assertThat(anonymous().as(owner.accessToken()).get("/api/v1/me/passkeys").json().path("passkeys").size())
        .isEqualTo(1);
  }

  @Test
  default void signInWhenPasskeyWasRemovedThenRefused() {
    Enrolled user = enrolledUser();
    ApiClient me = anonymous().as(user.accessToken());
    TestPasskey passkey = new TestPasskey();
    register(me, passkey, "Laptop");
    String id = me.get("/api/v1/me/passkeys").json().path("passkeys").get(0).path("id").asString();
    assertThat(me.send(me.request("/api/v1/me/passkeys/" + id).DELETE()).status()).isEqualTo(204);

    ApiResponse refused = passkeySignIn(passkey, ORIGIN, RP_ID);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.text("type")).endsWith("/authentication-failed");
    assertThat(refused.text("detail")).isEqualTo("Authentication failed.");
  }

  @Test
  default void signInWhenUserIsDisabledThenPasskeyIsRefused() {
    ApiClient owner = newOwner("owner");
    Enrolled user = enrolledUser(owner);
    TestPasskey passkey = new TestPasskey();
    register(anonymous().as(user.accessToken()), passkey, "Laptop");
    assertThat(owner.postJson("/api/v1/users/" + user.id() + "/disable", "").status()).isEqualTo(200);

    ApiResponse refused = passkeySignIn(passkey, ORIGIN, RP_ID);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.text("type")).endsWith("/authentication-failed");
  }

  @Test
  default void registerWhenSignInIsOlderThanFifteenMinutesThenStepUpIsRequired() {
    Enrolled user = enrolledUser();
    clock().advance(Duration.ofMinutes(16));
    ApiClient renewed = anonymous().as(anonymous().postJson("/api/v1/auth/refresh",
        "{\"refreshToken\":\"" + user.refreshToken() + "\"}").text("accessToken"));

    ApiResponse options = renewed.post("/webauthn/register/options", null, "");

    assertThat(options.status()).isEqualTo(401);
    assertThat(options.text("type")).endsWith("/step-up-required");
    assertThat(options.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
        .contains("error=\"insufficient_user_authentication\""));
    assertThat(renewed.get("/api/v1/me/passkeys").json().path("passkeys").size()).isZero();
  }

  @Test
  default void registerWhenTheAnswerIsNotJsonThenAProblemAndNoPasskey() {
    Enrolled user = enrolledUser();
    ApiClient signedIn = anonymous().as(user.accessToken());
    ApiResponse options = signedIn.post("/webauthn/register/options", null, "");

    ApiResponse garbage = signedIn.send(signedIn.request("/webauthn/register").header("Cookie", cookie(options))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")));

    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.contentType()).startsWith("application/problem+json");
    assertThat(garbage.text("type")).endsWith("/invalid-passkey-registration");
    assertThat(signedIn.get("/api/v1/me/passkeys").json().path("passkeys").size()).isZero();
  }

  @Test
  default void signInWhenTheSignatureCounterGoesBackThenRefusedAsAPossibleClone() {
    Enrolled user = enrolledUser();
    TestPasskey passkey = new TestPasskey();
    assertThat(register(anonymous().as(user.accessToken()), passkey, "laptop").status()).isEqualTo(200);
    assertThat(passkeySignIn(passkey, ORIGIN, RP_ID).status()).isEqualTo(200);
    assertThat(passkeySignIn(passkey, ORIGIN, RP_ID).status()).isEqualTo(200);

    passkey.rewindCounterTo(0);
    ApiResponse cloned = passkeySignIn(passkey, ORIGIN, RP_ID);

    assertThat(cloned.status()).as(cloned.body()).isEqualTo(401);
    assertThat(cloned.text("type")).endsWith("/authentication-failed");
    assertThat(jdbc().sql("SELECT detail FROM audit_event WHERE actor_id = :id AND action = 'signin.passkey'"
        + " AND decision = 'deny'").param("id", user.id()).query(String.class).list())
        .anySatisfy(detail -> assertThat(detail).contains("possible cloned authenticator"));
  }

  @Test
  default void registerWhenNoBearerTokenThenUnauthorized() {
    assertThat(anonymous().post("/webauthn/register/options", null, "").status()).isEqualTo(401);
    assertThat(anonymous().postJson("/webauthn/register", "{}").status()).isEqualTo(401);
  }

  @Test
  default void registerWhenLabelIsTooLongThenRefusedAndNothingIsStored() {
    Enrolled user = enrolledUser();
    ApiClient me = anonymous().as(user.accessToken());

    ApiResponse refused = register(me, new TestPasskey(), "x".repeat(Passkeys.MAX_LABEL_LENGTH + 1));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("type")).endsWith("/passkey-refused");
    assertThat(me.get("/api/v1/me/passkeys").json().path("passkeys").size()).isZero();
  }

  @Test
  default void signInWhenAssertionIsFromAnotherOriginOrForAnotherRpIdThenRefused() {
    Enrolled user = enrolledUser();
    TestPasskey passkey = new TestPasskey();
    register(anonymous().as(user.accessToken()), passkey, "Laptop");

    ApiResponse phished = passkeySignIn(passkey, "https://watchword.example.evil", RP_ID);
    ApiResponse otherRp = passkeySignIn(passkey, ORIGIN, "example.evil");

    assertThat(phished.status()).isEqualTo(401);
    assertThat(otherRp.status()).isEqualTo(401);
    assertThat(SignInContract.withoutInstance(phished.json()))
        .isEqualTo(SignInContract.withoutInstance(otherRp.json()));
    assertThat(passkeySignIn(passkey, ORIGIN, RP_ID).status()).isEqualTo(200);
  }

  @Test
  default void signInWhenTenPasskeyFailuresThenTooManyRequestsEvenWithTheRightAssertion() {
    Enrolled user = enrolledUser();
    TestPasskey passkey = new TestPasskey();
    register(anonymous().as(user.accessToken()), passkey, "Laptop");
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertThat(passkeySignIn(passkey, "https://phish.example", RP_ID).status()).isEqualTo(401);
    }

    ApiResponse blocked = passkeySignIn(passkey, ORIGIN, RP_ID);

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    clock().advance(Duration.ofSeconds(31));
    assertThat(passkeySignIn(passkey, ORIGIN, RP_ID).status()).isEqualTo(200);
  }

  @Test
  default void signInWhenCeremonyCookieIsReusedThenRefused() {
    Enrolled user = enrolledUser();
    TestPasskey passkey = new TestPasskey();
    register(anonymous().as(user.accessToken()), passkey, "Laptop");
    ApiResponse options = anonymous().post("/webauthn/authenticate/options", null, "");
    String cookie = cookie(options);
    String body = passkey.sign(options.text("challenge"), ORIGIN, RP_ID);

    ApiResponse first = anonymous().send(anonymous().request("/login/webauthn").header("Cookie", cookie)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    ApiResponse replayed = anonymous().send(anonymous().request("/login/webauthn").header("Cookie", cookie)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(first.status()).isEqualTo(200);
    assertThat(replayed.status()).isEqualTo(401);
  }

  @Test
  default void loginWhenUserHasAPasskeyButNoTotpThenMfaIsRequiredNotEnrolment() {
    Enrolled user = enrolledUser();
    register(anonymous().as(user.accessToken()), new TestPasskey(), "Laptop");
    jdbc().sql("DELETE FROM user_totp WHERE user_id = :id").param("id", user.id()).update();

    assertThat(login(user.username(), PASSWORD).text("status")).isEqualTo("MFA_REQUIRED");
  }

  @Test
  default void auditWhenPasskeysAreAddedUsedAndRemovedThenEventsAreRecordedWithoutKeyMaterial() {
    Enrolled user = enrolledUser();
    ApiClient me = anonymous().as(user.accessToken());
    TestPasskey passkey = new TestPasskey();
    register(me, passkey, "Laptop");
    passkeySignIn(passkey, "https://phish.example", RP_ID);
    ApiResponse signedIn = passkeySignIn(passkey, ORIGIN, RP_ID);
    String id = me.get("/api/v1/me/passkeys").json().path("passkeys").get(0).path("id").asString();
    me.send(me.request("/api/v1/me/passkeys/" + id).DELETE());

    List<String> rows = jdbc().sql("SELECT action || ' ' || decision || ' ' || COALESCE(detail, '') || ' '"
            + " || COALESCE(reason, '') || ' ' || actor_name FROM audit_event WHERE actor_id = :id")
        .param("id", user.id()).query(String.class).list();

    assertThat(rows).anyMatch(r -> r.startsWith("factor.passkey.add allow"));
    assertThat(rows).anyMatch(r -> r.startsWith("signin.passkey deny"));
    assertThat(rows).anyMatch(r -> r.startsWith("signin.passkey allow"));
    assertThat(rows).anyMatch(r -> r.startsWith("signin.success allow") && r.contains("aal=3"));
    assertThat(rows).anyMatch(r -> r.startsWith("factor.passkey.remove allow"));
    assertThat(String.join("\n", rows)).doesNotContain(passkey.credentialId())
        .doesNotContain(signedIn.text("accessToken")).doesNotContain(signedIn.text("refreshToken"));
  }

  // --- fixtures ---

  /** The registration ceremony for a signed-in client: options, then the authenticator's answer. */
  @Test
  default void stepUpWhenSignInIsOldAndTheCallersPasskeyAssertsThenSessionIsRecentAtAal3() {
    Enrolled user = enrolledUser();
    TestPasskey passkey = new TestPasskey();
    register(anonymous().as(user.accessToken()), passkey, "Laptop");
    clock().advance(Duration.ofMinutes(16));
    ApiClient renewed = anonymous().as(anonymous().postJson("/api/v1/auth/refresh",
        "{\"refreshToken\":\"" + user.refreshToken() + "\"}").text("accessToken"));
    assertThat(renewed.post("/api/v1/me/recovery-codes", null, "").status()).isEqualTo(401);

    ApiResponse steppedUp = passkeyStepUp(renewed, passkey);

    assertThat(steppedUp.status()).as(steppedUp.body()).isEqualTo(200);
    assertThat(steppedUp.text("status")).isEqualTo("STEPPED_UP");
    assertThat(steppedUp.json().has("accessToken")).isFalse();
    assertThat(renewed.post("/api/v1/me/recovery-codes", null, "").status()).isEqualTo(200);
    JsonNode session = renewed.get("/api/v1/sessions").json().path("sessions").get(0);
    assertThat(session.path("aal").asInt()).isEqualTo(3);
    assertThat(session.path("methods").asString()).isEqualTo("pwd,otp,hwk");
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE actor_id = :id AND action = 'signin.stepup'"
        + " AND decision = 'allow'").param("id", user.id()).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  default void stepUpWhenThePasskeyIsAnotherUsersThenRefusedAndTheSessionStaysOld() {
    Enrolled user = enrolledUser();
    Enrolled other = enrolledUser();
    TestPasskey othersPasskey = new TestPasskey();
    register(anonymous().as(other.accessToken()), othersPasskey, "Theirs");
    clock().advance(Duration.ofMinutes(16));
    ApiClient renewed = anonymous().as(anonymous().postJson("/api/v1/auth/refresh",
        "{\"refreshToken\":\"" + user.refreshToken() + "\"}").text("accessToken"));

    ApiResponse refused = passkeyStepUp(renewed, othersPasskey);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(renewed.post("/api/v1/me/recovery-codes", null, "").status()).isEqualTo(401);
  }

  default ApiResponse register(ApiClient signedIn, TestPasskey passkey, String label) {
    ApiResponse options = signedIn.post("/webauthn/register/options", null, "");
    assertThat(options.status()).as(options.body()).isEqualTo(200);
    assertThat(options.json().path("authenticatorSelection").path("userVerification").asString())
        .isEqualTo("required");
    String body = passkey.register(options.text("challenge"), options.json().path("user").path("id").asString(),
        ORIGIN, RP_ID, label);
    return signedIn.send(signedIn.request("/webauthn/register").header("Cookie", cookie(options))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The authentication ceremony, usernameless, as a browser at {@code origin} would run it. */
  default ApiResponse passkeySignIn(TestPasskey passkey, String origin, String rpId) {
    ApiResponse options = anonymous().post("/webauthn/authenticate/options", null, "");
    assertThat(options.status()).as(options.body()).isEqualTo(200);
    assertThat(options.text("userVerification")).isEqualTo("required");
    String body = passkey.sign(options.text("challenge"), origin, rpId);
    return anonymous().send(anonymous().request("/login/webauthn").header("Cookie", cookie(options))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The authentication ceremony, as a step-up of the signed-in caller's session. */
  default ApiResponse passkeyStepUp(ApiClient signedIn, TestPasskey passkey) {
    ApiResponse options = anonymous().post("/webauthn/authenticate/options", null, "");
    String body = passkey.sign(options.text("challenge"), ORIGIN, RP_ID);
    return signedIn.send(signedIn.request("/login/webauthn").header("Cookie", cookie(options))
        .header("X-Watchword-Session", "step-up")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String cookie(ApiResponse response) {
    return response.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse("");
  }
}
