package dev.watchword.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Totp;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sign-in for people, through the API only, on each database. */
public interface SignInContract extends ServerUnderTest {

  String PASSWORD = "correct horse battery staple";

  @Test
  default void signInWhenNewUserThenMustEnrolTotpAndGetsTenRecoveryCodes() {
    NewAccount account = createUser();

    ApiResponse login = login(account.username(), PASSWORD);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.text("status")).isEqualTo("ENROLMENT_REQUIRED");
    ApiResponse enrol = anonymous().postJson("/api/v1/auth/enrol/totp",
        "{\"challenge\":\"" + login.text("challenge") + "\"}");
    assertThat(enrol.status()).isEqualTo(200);
    OtpauthUri uri = OtpauthUri.parse(enrol.text("uri"));
    assertThat(uri.issuer()).isEqualTo("Watchword");
    assertThat(uri.account()).isEqualTo(account.username());
    // asked again (a reload of the enrolment page), the secret the user may have scanned stays
    ApiResponse again = anonymous().postJson("/api/v1/auth/enrol/totp",
        "{\"challenge\":\"" + login.text("challenge") + "\"}");
    assertThat(again.text("uri")).isEqualTo(enrol.text("uri"));
    ApiResponse confirmed = anonymous().postJson("/api/v1/auth/enrol/totp/confirm",
        "{\"challenge\":\"" + login.text("challenge") + "\",\"code\":\"" + code(uri) + "\"}");

    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.text("accessToken")).startsWith("ww_");
    assertThat(confirmed.json().path("expiresIn").asLong()).isBetween(1L, 900L);
    assertThat(confirmed.json().path("recoveryCodes").size()).isEqualTo(10);
    assertThat(confirmed.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(anonymous().as(confirmed.text("accessToken")).get("/api/v1/users/me").text("username"))
        .isEqualTo(account.username());
  }

  @Test
  default void signInWhenTotpCodeIsReplayedThenRefused() {
    Enrolled user = enrolledUser();
    clock().advance(Duration.ofSeconds(30));
    String code = code(user.uri());

    ApiResponse first = anonymous().postJson("/api/v1/auth/login/totp",
        challengeAndCode(mfaChallenge(user), code));
    ApiResponse replay = anonymous().postJson("/api/v1/auth/login/totp",
        challengeAndCode(mfaChallenge(user), code));

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.text("detail")).isEqualTo("Authentication failed.");
  }

  @Test
  default void signInWhenRecoveryCodeIsUsedThenItWorksOnce() {
    Enrolled user = enrolledUser();
    String recovery = user.recoveryCodes().get(3).toUpperCase();

    ApiResponse first = anonymous().postJson("/api/v1/auth/login/recovery",
        challengeAndCode(mfaChallenge(user), recovery));
    ApiResponse second = anonymous().postJson("/api/v1/auth/login/recovery",
        challengeAndCode(mfaChallenge(user), recovery));

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(401);
  }

  @Test
  default void loginWhenUserIsUnknownThenAnswerIsIdenticalToWrongPassword() {
    NewAccount account = createUser();

    ApiResponse wrongPassword = login(account.username(), "not the password at all");
    ApiResponse unknownUser = login("nobody-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(withoutInstance(wrongPassword.json())).isEqualTo(withoutInstance(unknownUser.json()));
    assertThat(wrongPassword.headers().firstValue("WWW-Authenticate"))
        .isEqualTo(unknownUser.headers().firstValue("WWW-Authenticate"));
  }

  @Test
  default void loginWhenTenConsecutiveFailuresThenTooManyRequestsEvenWithTheRightPassword() {
    NewAccount account = createUser();
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertThat(login(account.username(), "wrong password " + i).status()).isEqualTo(401);
    }

    ApiResponse blocked = login(account.username(), PASSWORD);

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(retryAfter(blocked)).isBetween(1L, 30L);
    clock().advance(Duration.ofSeconds(31));
    assertThat(login(account.username(), "wrong again").status()).isEqualTo(401);
    ApiResponse blockedLonger = login(account.username(), PASSWORD);
    assertThat(blockedLonger.status()).isEqualTo(429);
    assertThat(retryAfter(blockedLonger)).isBetween(31L, 60L);
    clock().advance(Duration.ofSeconds(61));
    assertThat(login(account.username(), PASSWORD).status()).isEqualTo(200);
  }

  private static long retryAfter(ApiResponse response) {
    return Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  default void requestWhenUserIsDisabledThenTokensAndRefreshAreRefusedAtOnce() {
    ApiClient owner = newOwner("owner");
    Enrolled user = enrolledUser(owner);
    ApiClient signedIn = anonymous().as(user.accessToken());
    assertThat(signedIn.get("/api/v1/vaults").status()).isEqualTo(200);

    ApiResponse disabled = owner.postJson("/api/v1/users/" + user.id() + "/disable", "");

    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.text("disabledAt")).isNotBlank();
    assertThat(signedIn.get("/api/v1/vaults").status()).isEqualTo(401);
    assertThat(anonymous().postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + user.refreshToken() + "\"}")
        .status()).isEqualTo(401);
    assertThat(login(user.username(), PASSWORD).status()).isEqualTo(401);
  }

  @Test
  default void refreshWhenUsedThenRotatesAndTheOldRefreshTokenDies() {
    Enrolled user = enrolledUser();

    ApiResponse refreshed = anonymous().postJson("/api/v1/auth/refresh",
        "{\"refreshToken\":\"" + user.refreshToken() + "\"}");
    ApiResponse reused = anonymous().postJson("/api/v1/auth/refresh",
        "{\"refreshToken\":\"" + user.refreshToken() + "\"}");

    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.text("refreshToken")).isNotEqualTo(user.refreshToken());
    assertThat(anonymous().as(refreshed.text("accessToken")).get("/api/v1/vaults").status()).isEqualTo(200);
    assertThat(reused.status()).isEqualTo(401);
  }

  @Test
  default void logoutWhenCalledThenTheSessionsTokensDie() {
    Enrolled user = enrolledUser();
    ApiClient signedIn = anonymous().as(user.accessToken());
    assertThat(signedIn.get("/api/v1/sessions").json().path("sessions").get(0).path("current").asBoolean()).isTrue();

    assertThat(signedIn.post("/api/v1/auth/logout", null, "").status()).isEqualTo(204);

    assertThat(signedIn.get("/api/v1/vaults").status()).isEqualTo(401);
  }

  @Test
  default void sessionsWhenAnAdminEndsAUsersSessionThenItsTokenDiesAndMembersMayNotDoTheSame() {
    ApiClient owner = newOwner("owner");
    Enrolled user = enrolledUser(owner);
    ApiClient signedIn = anonymous().as(user.accessToken());
    String sessionId = owner.get("/api/v1/users/" + user.id() + "/sessions").json().path("sessions").get(0)
        .path("id").asString();

    ApiResponse byMember = newMember("member").send(newMember("member")
        .request("/api/v1/users/" + user.id() + "/sessions/" + sessionId).DELETE());
    ApiResponse byOwner = owner.send(owner.request("/api/v1/users/" + user.id() + "/sessions/" + sessionId).DELETE());

    assertThat(byMember.status()).isEqualTo(403);
    assertThat(byOwner.status()).isEqualTo(204);
    assertThat(signedIn.get("/api/v1/vaults").status()).isEqualTo(401);
  }

  @Test
  default void createUserWhenPasswordIsCommonOrShortThenRefusedWithTheReason() {
    ApiClient owner = newOwner("owner");
    for (String weak : List.of("password1", "short", "123456789")) {
      ApiResponse refused = owner.postJson("/api/v1/users",
          "{\"username\":\"u" + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"" + weak
              + "\",\"displayName\":\"U\"}");

      assertThat(refused.status()).as(weak).isEqualTo(400);
      assertThat(refused.text("type")).endsWith("/password-refused");
      assertThat(refused.body()).doesNotContain(weak);
    }
  }

  @Test
  default void createUserWhenCallerIsAMemberThenForbidden() {
    ApiResponse response = newMember("member").postJson("/api/v1/users",
        "{\"username\":\"someone\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"S\"}");

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  default void auditWhenSigningInThenEveryStepIsRecordedWithoutPasswordCodeOrToken() {
    Enrolled user = enrolledUser();
    login(user.username(), "a wrong password for the audit");

    List<String> rows = jdbc().sql("SELECT action || ' ' || decision || ' ' || COALESCE(detail, '') || ' '"
            + " || COALESCE(reason, '') || ' ' || actor_name FROM audit_event WHERE actor_id = :id OR actor_name = :name")
        .param("id", user.id()).param("name", user.username()).query(String.class).list();

    assertThat(rows).anyMatch(r -> r.startsWith("signin.password allow"));
    assertThat(rows).anyMatch(r -> r.startsWith("signin.password deny"));
    assertThat(rows).anyMatch(r -> r.startsWith("factor.totp.enrol allow"));
    assertThat(rows).anyMatch(r -> r.startsWith("signin.success allow"));
    assertThat(String.join("\n", rows)).doesNotContain(PASSWORD).doesNotContain("a wrong password")
        .doesNotContain(user.accessToken()).doesNotContain(user.refreshToken())
        .doesNotContain(user.recoveryCodes().get(0));
  }

  @Test
  default void recoveryCodesWhenSignInIsOlderThanFifteenMinutesThenStepUpIsRequiredPerRfc9470() {
    Enrolled user = enrolledUser();
    ApiClient signedIn = anonymous().as(user.accessToken());
    assertThat(signedIn.post("/api/v1/me/recovery-codes", null, "").status()).isEqualTo(200);
    clock().advance(Duration.ofMinutes(16));
    ApiClient renewed = anonymous().as(anonymous().postJson("/api/v1/auth/refresh",
        "{\"refreshToken\":\"" + user.refreshToken() + "\"}").text("accessToken"));

    ApiResponse refused = renewed.post("/api/v1/me/recovery-codes", null, "");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
        .contains("error=\"insufficient_user_authentication\"").contains("max_age=\"900\""));
    assertThat(renewed.postJson("/api/v1/auth/step-up", "{\"code\":\"000000\"}").status()).isEqualTo(401);
    assertThat(renewed.postJson("/api/v1/auth/step-up", "{\"code\":\"" + code(user.uri()) + "\"}").status())
        .isEqualTo(204);
    ApiResponse regenerated = renewed.post("/api/v1/me/recovery-codes", null, "");
    assertThat(regenerated.status()).isEqualTo(200);
    assertThat(regenerated.json().path("recoveryCodes").size()).isEqualTo(10);
    assertThat(anonymous().postJson("/api/v1/auth/login/recovery",
        challengeAndCode(mfaChallenge(user), user.recoveryCodes().get(0))).status()).isEqualTo(401);
  }

  // --- fixtures ---

  default NewAccount createUser() {
    return createUser(newOwner("owner"));
  }

  default NewAccount createUser(ApiClient owner) {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    ApiResponse created = owner.postJson("/api/v1/users",
        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"A User\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new NewAccount(created.text("id"), username);
  }

  default Enrolled enrolledUser() {
    return enrolledUser(newOwner("owner"));
  }

  default Enrolled enrolledUser(ApiClient owner) {
    NewAccount account = createUser(owner);
    String challenge = login(account.username(), PASSWORD).text("challenge");
    OtpauthUri uri = OtpauthUri.parse(anonymous().postJson("/api/v1/auth/enrol/totp",
        "{\"challenge\":\"" + challenge + "\"}").text("uri"));
    ApiResponse confirmed = anonymous().postJson("/api/v1/auth/enrol/totp/confirm",
        challengeAndCode(challenge, code(uri)));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    confirmed.json().path("recoveryCodes").forEach(c -> codes.add(c.asString()));
    return new Enrolled(account.id(), account.username(), uri, confirmed.text("accessToken"),
        confirmed.text("refreshToken"), codes);
  }

  default String mfaChallenge(Enrolled user) {
    ApiResponse login = login(user.username(), PASSWORD);
    assertThat(login.text("status")).isEqualTo("MFA_REQUIRED");
    return login.text("challenge");
  }

  default ApiResponse login(String username, String password) {
    return anonymous().postJson("/api/v1/auth/login",
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  default String code(OtpauthUri uri) {
    return Totp.generate(uri.parameters().algorithm(), uri.secret().bytes(), clock().instant(),
        uri.parameters().period(), uri.parameters().digits());
  }

  static String challengeAndCode(String challenge, String code) {
    return "{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}";
  }

  static JsonNode withoutInstance(JsonNode problem) {
    return ((tools.jackson.databind.node.ObjectNode) problem.deepCopy()).without("instance");
  }

  record NewAccount(String id, String username) {}

  record Enrolled(String id, String username, OtpauthUri uri, String accessToken, String refreshToken,
      List<String> recoveryCodes) {}
}
