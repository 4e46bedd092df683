package dev.watchword.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.RawHttp;
import dev.watchword.server.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile and careless input: each gets a 4xx RFC 9457 problem that names what is wrong,
 * never echoes a secret, and leaves the server serving.
 */
public interface BadInputContract extends ServerUnderTest {

  String SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

  @Test
  default void entryWhenParametersAreBadThenProblemNamesTheParameterAndNeverTheSecret() {
    ApiClient alice = newMember("alice");
    String entries = "/api/v1/vaults/" + alice.newVault() + "/entries";
    List<String[]> cases = List.of(
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"digits\":11}", "digits"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"digits\":5}", "digits"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"period\":0}", "period"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"period\":3601}", "period"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"type\":\"hotp\",\"counter\":-1}", "counter"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"algorithm\":\"MD5\"}", "algorithm"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"type\":\"motp\"}", "type"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "!1\"}", "secret"},
        new String[] {"{\"account\":\"a\"}", "secret"},
        new String[] {"{\"secret\":\"" + SECRET + "\"}", "account"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"digits\":\"six\"}", "digits"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"digits\":6.5}", "digits"},
        new String[] {"{\"account\":[1],\"secret\":\"" + SECRET + "\"}", "account"},
        new String[] {"{\"uri\":\"otpauth://totp/a?secret=" + SECRET + "&digits=12\"}", "digits"},
        new String[] {"{\"uri\":\"otpauth://totp/a?secret=" + SECRET + "&period=-5\"}", "period"},
        new String[] {"{\"uri\":\"otpauth://hotp/a?secret=" + SECRET + "\"}", "counter"},
        new String[] {"{\"uri\":\"otpauth://totp/a?secret=" + SECRET + "&algorithm=SHA3\"}", "algorithm"},
        new String[] {"{\"uri\":\"https://example.com/?secret=" + SECRET + "\"}", "otpauth"},
        new String[] {"{\"uri\":\"otpauth://totp/a?secret=" + SECRET + "\",\"secret\":\"" + SECRET + "\"}", "uri"},
        new String[] {"{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"colour\":\"red\"}", "colour"});

    for (String[] badCase : cases) {
      ApiResponse response = alice.postJson(entries, badCase[0]);

      assertThat(response.status()).as(badCase[0]).isEqualTo(400);
      assertProblem(response);
      assertThat(response.text("detail")).as(badCase[0]).containsIgnoringCase(badCase[1]);
      assertThat(response.body()).as(badCase[0]).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 12));
    }
    assertThat(alice.get(entries).json().path("entries").size()).isZero();
    assertStillServing();
  }

  @Test
  default void bodyWhenMalformedJsonThenBadRequestProblem() {
    ApiClient alice = newMember("alice");
    for (String body : List.of("{", "{\"name\":", "[1,2", "nonsense", "{\"name\":\"a\"}}", "\"just a string\"", "")) {
      ApiResponse response = alice.postJson("/api/v1/vaults", body);

      assertThat(response.status()).as(body).isEqualTo(400);
      assertProblem(response);
    }
    assertStillServing();
  }

  @Test
  default void vaultWhenNameIsMissingOrTooLongThenBadRequestNamingTheField() {
    ApiClient alice = newMember("alice");
    for (String body : List.of("{}", "{\"name\":\"\"}", "{\"name\":\"" + "x".repeat(201) + "\"}",
        "{\"name\":\"a\\u0000b\"}", "{\"name\":null}")) {
      ApiResponse response = alice.postJson("/api/v1/vaults", body);

      assertThat(response.status()).as(body).isEqualTo(400);
      assertProblem(response);
      assertThat(response.text("detail")).as(body).contains("name");
    }
  }

  @Test
  default void bodyWhenMediaTypeIsUnsupportedThenUnsupportedMediaTypeProblem() {
    ApiClient alice = newMember("alice");

    ApiResponse response = alice.post("/api/v1/vaults", "text/plain", "{\"name\":\"Acme\"}");

    assertThat(response.status()).isEqualTo(415);
    assertProblem(response);
  }

  @Test
  default void bodyWhenLargerThanTheLimitThenContentTooLargeProblem() {
    ApiClient alice = newMember("alice");
    String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    ApiResponse declared = alice.postJson("/api/v1/vaults", huge);
    Iterator<byte[]> chunks = Stream.generate(() -> "x".repeat(64 * 1024).getBytes()).limit(40).iterator();
    ApiResponse chunked = alice.send(alice.request("/api/v1/vaults")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
            new java.util.Enumeration<java.io.InputStream>() {
              boolean first = true;
              public boolean hasMoreElements() {
                return first || chunks.hasNext();
              }
              public java.io.InputStream nextElement() {
                if (first) {
                  first = false;
                  return new java.io.ByteArrayInputStream("{\"name\":\"".getBytes());
                }
                return new java.io.ByteArrayInputStream(chunks.next());
              }
            }))));

    assertThat(declared.status()).isEqualTo(413);
    assertProblem(declared);
    assertThat(chunked.status()).isEqualTo(413);
    assertProblem(chunked);
    assertStillServing();
  }

  @Test
  default void requestWhenRouteOrMethodIsUnknownThenProblem() {
    ApiClient alice = newMember("alice");

    ApiResponse unknownRoute = alice.get("/api/v1/nothing-here");
    ApiResponse wrongMethod = alice.send(alice.request("/api/v1/vaults").DELETE());

    assertThat(unknownRoute.status()).isEqualTo(404);
    assertProblem(unknownRoute);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertProblem(wrongMethod);
  }

  @Test
  default void reasonWhenTooLongThenBadRequest() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entry = alice.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"a\",\"secret\":\"" + SECRET + "\"}").text("id");

    ApiResponse response = alice.postJson("/api/v1/vaults/" + vault + "/entries/" + entry + "/code",
        "{\"reason\":\"" + "r".repeat(501) + "\"}");

    assertThat(response.status()).isEqualTo(400);
    assertProblem(response);
    assertThat(response.text("detail")).contains("reason");
  }

  @Test
  default void bodyWhenAFieldAppearsTwiceThenRefusedRatherThanLastOneWins() {
    ApiClient alice = newMember("alice");
    String entries = "/api/v1/vaults/" + alice.newVault() + "/entries";

    ApiResponse response = alice.postJson(entries,
        "{\"account\":\"a\",\"secret\":\"" + SECRET + "\",\"secret\":\"JBSWY3DPEHPK3PXP\"}");

    assertThat(response.status()).isEqualTo(400);
    assertProblem(response);
    assertThat(response.text("detail")).contains("secret").contains("more than once");
    assertThat(response.body()).doesNotContain(SECRET).doesNotContain("JBSWY3DPEHPK3PXP");
  }

  @Test
  default void bodyWhenANumberIsOutOfRangeThenTheProblemNamesTheField() {
    ApiClient alice = newMember("alice");
    String entries = "/api/v1/vaults/" + alice.newVault() + "/entries";

    ApiResponse digits = alice.postJson(entries, "{\"account\":\"a\",\"secret\":\"" + SECRET
        + "\",\"digits\":99999999999}");
    ApiResponse counter = alice.postJson(entries, "{\"account\":\"a\",\"secret\":\"" + SECRET
        + "\",\"type\":\"hotp\",\"counter\":99999999999999999999}");

    assertThat(digits.status()).isEqualTo(400);
    assertThat(digits.text("detail")).contains("digits");
    assertThat(counter.status()).isEqualTo(400);
    assertThat(counter.text("detail")).contains("counter");
  }

  @Test
  default void textWhenItHidesBidiOverridesOrZeroWidthCharactersThenRefused() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entries = "/api/v1/vaults/" + vault + "/entries";
    String entry = alice.newTotpEntry(vault, SECRET);

    List<ApiResponse> responses = List.of(
        alice.postJson("/api/v1/vaults", "{\"name\":\"Acme\u202egpj.exe\"}"),
        // A JSON escape: a lone surrogate cannot travel as UTF-8.
        alice.postJson("/api/v1/vaults", "{\"name\":\"\\ud800x\"}"),
        alice.postJson(entries, "{\"issuer\":\"\u200bGoogle\",\"account\":\"a\",\"secret\":\"" + SECRET + "\"}"),
        alice.postJson(entries, "{\"account\":\"a\u202eb\",\"secret\":\"" + SECRET + "\"}"),
        alice.postJson(entries, "{\"account\":\"a:b\",\"secret\":\"" + SECRET + "\"}"),
        alice.postJson("/api/v1/vaults/" + vault + "/entries/" + entry + "/code", "{\"reason\":\"ok\u202e\"}"));

    assertThat(responses).allSatisfy(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertProblem(r);
    });
  }

  @Test
  default void requestWhenTheContainerRefusesItThenTheAnswerIsStillAProblem() {
    String encodedSlash = RawHttp.exchange(port(), "GET /api/v1/vaults/x%2Fy/entries HTTP/1.1\r\nHost: localhost");
    String badLength = RawHttp.exchange(port(), "POST /api/v1/vaults HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5");
    String hugeHeader = RawHttp.exchange(port(), "GET /api/v1/vaults HTTP/1.1\r\nHost: localhost\r\nX-Big: "
        + "a".repeat(20_000));

    for (String response : List.of(encodedSlash, badLength, hugeHeader)) {
      assertThat(response).startsWith("HTTP/1.1 4");
      assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
      assertThat(response).doesNotContain("<html").doesNotContain("Tomcat");
    }
    ApiResponse directError = anonymous().get("/error");
    assertThat(directError.status()).isEqualTo(404);
    assertProblem(directError);
    assertStillServing();
  }

  private static void assertProblem(ApiResponse response) {
    assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
    assertThat(response.json()).as(response.body()).isNotNull();
    assertThat(response.json().path("type").asString()).startsWith("https://watchword.dev/problems/");
    assertThat(response.json().path("title").asString()).isNotBlank();
    assertThat(response.json().path("status").asInt()).isEqualTo(response.status());
    assertThat(response.json().path("detail").asString()).isNotBlank();
  }

  private void assertStillServing() {
    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
  }
}
