package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.Oathtool;
import dev.watchword.server.support.ServerUnderTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The vault, entry and code endpoints of API.md, run on each database. */
public interface VaultApiContract extends ServerUnderTest {

  /** RFC 4226 Appendix D's secret, "12345678901234567890", in base32. */
  String RFC4226_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void createVaultThenItIsListedWithTheCreatorAsManager() {
    ApiClient alice = newMember("alice");
    ApiResponse created = alice.postJson("/api/v1/vaults", "{\"name\":\"Acme\",\"client\":\"Acme Ltd\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("name")).isEqualTo("Acme");
    assertThat(created.text("client")).isEqualTo("Acme Ltd");
    assertThat(created.text("role")).isEqualTo("manager");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/vaults/" + created.text("id"));
    ApiResponse listed = alice.get("/api/v1/vaults");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().path("vaults").findValuesAsString("id")).containsExactly(created.text("id"));
  }

  @Test
  default void listVaultsWhenVaultBelongsToSomeoneElseThenItIsNotListed() {
    newMember("alice").postJson("/api/v1/vaults", "{\"name\":\"Acme\"}");

    ApiResponse listed = newMember("bob").get("/api/v1/vaults");

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().path("vaults").size()).isZero();
  }

  @Test
  default void createEntryWithFieldsThenResponseNeverContainsTheSecret() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();

    ApiResponse created = alice.postJson("/api/v1/vaults/" + vault + "/entries", """
        {"issuer":"Microsoft","account":"admin@acme.example","secret":"%s","type":"totp",
         "algorithm":"SHA256","digits":8,"period":60}""".formatted(TOTP_SECRET));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("issuer")).isEqualTo("Microsoft");
    assertThat(created.text("account")).isEqualTo("admin@acme.example");
    assertThat(created.text("type")).isEqualTo("totp");
    assertThat(created.text("algorithm")).isEqualTo("SHA256");
    assertThat(created.json().path("digits").asInt()).isEqualTo(8);
    assertThat(created.json().path("period").asInt()).isEqualTo(60);
    assertThat(created.json().has("secret")).isFalse();
    assertThat(created.body()).doesNotContain(TOTP_SECRET);
    ApiResponse listed = alice.get("/api/v1/vaults/" + vault + "/entries");
    assertThat(listed.json().path("entries").findValuesAsString("id")).containsExactly(created.text("id"));
    assertThat(listed.body()).doesNotContain(TOTP_SECRET);
  }

  @Test
  default void createEntryFromOtpauthUriThenLabelAndParametersAreParsed() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();

    ApiResponse created = alice.postJson("/api/v1/vaults/" + vault + "/entries", """
        {"uri":"otpauth://hotp/ACME%%20Co:john.doe%%40email.com?secret=%s&issuer=ACME%%20Co&counter=7&digits=7"}"""
        .formatted(RFC4226_SECRET));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("issuer")).isEqualTo("ACME Co");
    assertThat(created.text("account")).isEqualTo("john.doe@email.com");
    assertThat(created.text("type")).isEqualTo("hotp");
    assertThat(created.json().path("counter").asLong()).isEqualTo(7);
    assertThat(created.json().path("digits").asInt()).isEqualTo(7);
    assertThat(created.json().has("period")).isFalse();
  }

  @Test
  default void codeWhenSteamGuardEntryThenFiveSteamCharactersForTheStep() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String fromUri = alice.newEntry(vault,
        "{\"uri\":\"otpauth://totp/Steam:gamer?secret=JBSWY3DPEHPK3PXP&issuer=Steam&encoder=steam\"}");
    String fromFields = alice.newEntry(vault, "{\"account\":\"gamer2\",\"secret\":\"JBSWY3DPEHPK3PXP\",\"type\":\"steam\"}");
    ApiResponse refused = alice.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"x\",\"secret\":\"JBSWY3DPEHPK3PXP\",\"type\":\"steam\",\"digits\":6}");

    ApiResponse code = alice.postJson(ApiClient.codePath(vault, fromUri), "{}");
    ApiResponse other = alice.postJson(ApiClient.codePath(vault, fromFields), "{}");
    ApiResponse listed = alice.get("/api/v1/vaults/" + vault + "/entries");

    assertThat(code.status()).as(code.body()).isEqualTo(200);
    assertThat(code.text("type")).isEqualTo("steam");
    java.time.Instant from = java.time.Instant.parse(code.text("validFrom"));
    assertThat(code.text("code")).isEqualTo(dev.watchword.otp.SteamGuard.generate(
        dev.watchword.otp.Secret.fromBase32("JBSWY3DPEHPK3PXP").bytes(), from, 30)).matches("[23456789BCDFGHJKMNPQRTVWXY]{5}");
    assertThat(other.text("code")).hasSize(5);
    assertThat(listed.json().path("entries").get(0).path("type").asString()).isEqualTo("steam");
    assertThat(listed.json().path("entries").get(0).path("digits").asInt()).isEqualTo(5);
    assertThat(refused.status()).isEqualTo(400);
  }

  @Test
  default void codeWhenTotpThenAgreesWithOathtoolForItsValidityWindow() {
    Oathtool.assumeInstalled();
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entry = alice.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"root\",\"secret\":\"" + TOTP_SECRET + "\",\"algorithm\":\"SHA512\",\"digits\":8,\"period\":30}")
        .text("id");

    ApiResponse code = alice.postJson("/api/v1/vaults/" + vault + "/entries/" + entry + "/code", "{}");

    assertThat(code.status()).isEqualTo(200);
    assertThat(code.text("type")).isEqualTo("totp");
    Instant validFrom = Instant.parse(code.text("validFrom"));
    Instant validUntil = Instant.parse(code.text("validUntil"));
    assertThat(validUntil.getEpochSecond() - validFrom.getEpochSecond()).isEqualTo(30);
    assertThat(validFrom.getEpochSecond() % 30).isZero();
    assertThat(code.text("code"))
        .isEqualTo(Oathtool.totp(TOTP_SECRET, "SHA512", 8, 30, validFrom.getEpochSecond()));
  }

  @Test
  default void codeWhenEntriesAreRandomThenEveryCodeAgreesWithOathtool() {
    Oathtool.assumeInstalled();
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String[] algorithms = {"SHA1", "SHA256", "SHA512"};
    for (int i = 0; i < 30; i++) {
      byte[] key = new byte[10 + random.nextInt(55)];
      random.nextBytes(key);
      String secret = dev.watchword.otp.Secret.ofBytes(key).toBase32();
      boolean hotp = random.nextBoolean();
      // oathtool's HOTP is HMAC-SHA1 only; its TOTP takes all three.
      String algorithm = hotp ? "SHA1" : algorithms[random.nextInt(3)];
      int digits = 6 + random.nextInt(3);
      int period = 1 + random.nextInt(120);
      long counter = random.nextInt(1_000_000);
      String body = hotp
          ? "{\"account\":\"a\",\"secret\":\"%s\",\"type\":\"hotp\",\"algorithm\":\"%s\",\"digits\":%d,\"counter\":%d}"
              .formatted(secret, algorithm, digits, counter)
          : "{\"account\":\"a\",\"secret\":\"%s\",\"algorithm\":\"%s\",\"digits\":%d,\"period\":%d}"
              .formatted(secret, algorithm, digits, period);
      String entry = alice.postJson("/api/v1/vaults/" + vault + "/entries", body).text("id");

      ApiResponse code = alice.postJson("/api/v1/vaults/" + vault + "/entries/" + entry + "/code", "{}");

      String expected = hotp
          ? Oathtool.hotp(secret, digits, counter)
          : Oathtool.totp(secret, algorithm, digits, period, Instant.parse(code.text("validFrom")).getEpochSecond());
      assertThat(code.text("code")).as("random seed %d, case %d: %s", seed, i, body.replace(secret, "<secret>"))
          .isEqualTo(expected);
    }
  }

  @Test
  default void codeWhenHotpThenEachReleaseUsesTheNextCounter() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entry = alice.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"root\",\"secret\":\"" + RFC4226_SECRET + "\",\"type\":\"hotp\",\"counter\":0}").text("id");
    String path = "/api/v1/vaults/" + vault + "/entries/" + entry + "/code";

    ApiResponse first = alice.post(path, null, "");
    ApiResponse second = alice.postJson(path, "{\"reason\":\"INC-42\"}");

    // RFC 4226 Appendix D, counters 0 and 1.
    assertThat(first.text("code")).isEqualTo("755224");
    assertThat(first.json().path("counter").asLong()).isZero();
    assertThat(second.text("code")).isEqualTo("287082");
    assertThat(second.json().path("counter").asLong()).isEqualTo(1);
    assertThat(alice.get("/api/v1/vaults/" + vault + "/entries").json().path("entries").get(0).path("counter").asLong())
        .isEqualTo(2);
  }

  @Test
  default void codeWhenTheSameTotpStepWasAlreadyReleasedThenTheResponseSaysToWhomAndWhen() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entry = alice.newEntry(vault, "{\"account\":\"root\",\"secret\":\"" + TOTP_SECRET + "\",\"period\":3600}");
    String path = "/api/v1/vaults/" + vault + "/entries/" + entry + "/code";

    ApiResponse first = alice.postJson(path, "{}");
    ApiResponse second = alice.postJson(path, "{}");

    assertThat(first.json().has("alreadyReleased")).isFalse();
    assertThat(second.json().path("alreadyReleased").size()).isEqualTo(1);
    assertThat(second.json().path("alreadyReleased").get(0).path("to").asString()).startsWith("alice-");
    assertThat(second.json().path("alreadyReleased").get(0).path("at").asString()).isNotBlank();
  }

  @Test
  default void codeWhenHotpCounterReachesItsEndThenConflictInsteadOfARepeatedCode() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entry = alice.newEntry(vault, "{\"account\":\"max\",\"secret\":\"" + RFC4226_SECRET
        + "\",\"type\":\"hotp\",\"counter\":9223372036854775806}");
    String path = "/api/v1/vaults/" + vault + "/entries/" + entry + "/code";

    ApiResponse last = alice.postJson(path, "{}");
    ApiResponse exhausted = alice.postJson(path, "{}");

    assertThat(last.status()).isEqualTo(200);
    assertThat(last.json().path("counter").asLong()).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(exhausted.status()).isEqualTo(409);
    assertThat(exhausted.text("type")).endsWith("/hotp-counter-exhausted");
    assertThat(alice.postJson(path, "{}").status()).isEqualTo(409);
  }

  @Test
  default void codeWhenReleasedThenAnAuditRowRecordsActorReasonAndDecision() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entry = alice.newTotpEntry(vault, TOTP_SECRET);

    alice.postJson("/api/v1/vaults/" + vault + "/entries/" + entry + "/code", "{\"reason\":\"TICKET-7\"}");

    var row = jdbc().sql("SELECT actor_name, decision, reason, client_ip, vault_id FROM audit_event"
            + " WHERE action = 'code.release' AND entry_id = :entry")
        .param("entry", entry)
        .query().singleRow();
    assertThat((String) row.get("actor_name")).startsWith("alice-");
    assertThat(row.get("decision")).isEqualTo("allow");
    assertThat(row.get("reason")).isEqualTo("TICKET-7");
    assertThat(row.get("client_ip")).isEqualTo("127.0.0.1");
    assertThat(row.get("vault_id")).isEqualTo(vault);
  }

  @Test
  default void codeWhenVaultIsSomeoneElsesThenNotFoundAndTheDenialIsAudited() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entry = alice.newTotpEntry(vault, TOTP_SECRET);
    ApiClient mallory = newMember("mallory");

    ApiResponse denied = mallory.postJson("/api/v1/vaults/" + vault + "/entries/" + entry + "/code", "{}");

    assertThat(denied.status()).isEqualTo(404);
    assertThat(denied.contentType()).startsWith("application/problem+json");
    assertThat(denied.text("detail")).isEqualTo("No such vault.");
    assertThat(mallory.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(404);
    Integer denials = jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'code.release'"
            + " AND entry_id = :entry AND decision = 'deny'")
        .param("entry", entry).query(Integer.class).single();
    assertThat(denials).isEqualTo(1);
  }

  @Test
  default void codeWhenEntryIsInAnotherVaultThenNotFound() {
    ApiClient alice = newMember("alice");
    String vaultA = alice.newVault();
    String vaultB = alice.newVault();
    String entryInB = alice.newTotpEntry(vaultB, TOTP_SECRET);

    ApiResponse response = alice.postJson("/api/v1/vaults/" + vaultA + "/entries/" + entryInB + "/code", "{}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.text("detail")).isEqualTo("No such entry.");
  }

  @Test
  default void codeWhenIdsAreMissingOrMalformedThenNotFound() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String random = UUID.randomUUID().toString();

    assertThat(alice.postJson("/api/v1/vaults/" + random + "/entries/" + random + "/code", "{}").status())
        .isEqualTo(404);
    assertThat(alice.postJson("/api/v1/vaults/" + vault + "/entries/" + random + "/code", "{}").status())
        .isEqualTo(404);
    assertThat(alice.postJson("/api/v1/vaults/not-a-uuid/entries/x/code", "{}").status()).isEqualTo(404);
    assertThat(alice.postJson("/api/v1/vaults/" + vault + "/entries/x/code", "{}").status()).isEqualTo(404);
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'code.release' AND decision = 'deny'"
        + " AND detail = 'malformed id' AND (vault_id = :vault OR vault_id IS NULL) AND actor_name = :name")
        .param("vault", vault).param("name", alice.get("/api/v1/users/me").text("username"))
        .query(Integer.class).single()).isEqualTo(2);
    assertThat(alice.get("/api/v1/vaults/" + random + "/entries").status()).isEqualTo(404);
  }

  @Test
  default void requestWhenTokenIsMissingOrUnknownThenUnauthorizedProblem() {
    ApiResponse anonymous = anonymous().get("/api/v1/vaults");
    ApiResponse forged = anonymous().as("ww_forged").get("/api/v1/vaults");

    for (ApiResponse response : new ApiResponse[] {anonymous, forged}) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
  }
}
