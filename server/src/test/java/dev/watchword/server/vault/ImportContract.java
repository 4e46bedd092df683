package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.runtime.InsertBatches;
import dev.watchword.server.runtime.WatchwordProperties;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.Oathtool;
import dev.watchword.server.support.ServerUnderTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/vaults/{id}/import}: real export files (the otp library's fixtures, made from
 * each app's documented format) arrive with correct codes; a dry run changes nothing; a second
 * import only reports duplicates; bad files are refused without changing the vault.
 */
public interface ImportContract extends ServerUnderTest {

  Path FIXTURES = Path.of("../otp/src/test/resources/imports");

  @Test
  default void importWhenEncryptedAegisThenPreviewChangesNothingImportStoresAllAndRepeatOnlySkips() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();

    ApiResponse preview = upload(editor, vault, "aegis/aegis-encrypted.json", "test", true);
    int afterPreview = entries(editor, vault).size();
    ApiResponse real = upload(editor, vault, "aegis/aegis-encrypted.json", "test", false);
    ApiResponse again = upload(editor, vault, "aegis/aegis-encrypted.json", "test", false);

    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().path("dryRun").asBoolean()).isTrue();
    assertThat(preview.json().path("format").asString()).isEqualTo("aegis");
    int expected = preview.json().path("imported").asInt();
    assertThat(expected).isPositive();
    assertThat(afterPreview).isZero();
    assertThat(real.status()).as(real.body()).isEqualTo(200);
    assertThat(real.json().path("imported").asInt()).isEqualTo(expected);
    assertThat(entries(editor, vault)).hasSize(expected);
    assertThat(again.json().path("imported").asInt()).isZero();
    assertThat(again.json().path("skipped").asInt()).isEqualTo(expected);
    assertThat(statuses(again.json())).containsOnly("duplicate");
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE vault_id = :vault AND action = 'entry.create'")
        .param("vault", vault).query(Long.class).single()).isEqualTo(expected);
    assertThat(jdbc().sql("SELECT detail FROM audit_event WHERE vault_id = :vault AND action = 'vault.import'"
        + " ORDER BY seq").param("vault", vault).query(String.class).list())
        .containsExactly("format=aegis imported=" + expected + " skipped=0 errors=0",
            "format=aegis imported=0 skipped=" + expected + " errors=0");
  }

  @Test
  default void importWhenMoreEntriesThanOneInsertBatchThenTheirAuditEventsChainAndCheckpointAsIfAppendedOneByOne() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();
    int count = 2 * InsertBatches.ROWS + 100;

    ApiResponse imported = editor.postJson("/api/v1/vaults/" + vault + "/import",
        "{\"text\":\"" + uris("Batch", count) + "\"}");
    List<String> details = jdbc().sql("SELECT detail FROM audit_event WHERE vault_id = :vault AND action = 'entry.create'"
        + " ORDER BY seq").param("vault", vault).query(String.class).list();
    List<Long> seqs = jdbc().sql("SELECT seq FROM audit_event WHERE vault_id = :vault AND action = 'entry.create'"
        + " ORDER BY seq").param("vault", vault).query(Long.class).list();
    List<Long> checkpoints = jdbc().sql("SELECT seq FROM audit_checkpoint WHERE seq BETWEEN :first AND :last"
        + " ORDER BY seq").param("first", seqs.get(0)).param("last", seqs.get(seqs.size() - 1)).query(Long.class).list();
    JsonNode verified = newAuditor("auditor").get("/api/v1/audit/verify").json();

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("imported").asInt()).isEqualTo(count);
    assertThat(entries(editor, vault)).hasSize(count);
    assertThat(details).hasSize(count).startsWith("import otpauth_uris line 1")
        .endsWith("import otpauth_uris line " + count);
    assertThat(seqs.get(count - 1) - seqs.get(0)).as("consecutive").isEqualTo(count - 1);
    // this test server cuts a checkpoint every 4 events: also inside one batch and across batches
    assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(count / 4 - 1);
    for (int i = 1; i < checkpoints.size(); i++) {
      assertThat(checkpoints.get(i) - checkpoints.get(i - 1)).isLessThanOrEqualTo(4);
    }
    assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
  }

  @Test
  default void importWhenARowInALaterInsertBatchIsRefusedThenNothingIsStoredAndTheAuditStaysValid() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();
    int count = InsertBatches.ROWS + 10;
    String body = "{\"text\":\"" + uris("Later", count) + "\"}";

    // the last entry's row, then its audit event's, each in the second batch: the first is stored by then
    ApiResponse entryRefused;
    try (DatabaseRefusal refusal = DatabaseRefusal.of(this, "entry", "NEW.account = 'user" + count + "'")) {
      entryRefused = editor.postJson("/api/v1/vaults/" + vault + "/import", body);
    }
    ApiResponse eventRefused;
    try (DatabaseRefusal refusal = DatabaseRefusal.of(this, "audit_event",
        "NEW.detail = 'import otpauth_uris line " + count + "'")) {
      eventRefused = editor.postJson("/api/v1/vaults/" + vault + "/import", body);
    }
    JsonNode verified = newAuditor("auditor").get("/api/v1/audit/verify").json();

    assertThat(entryRefused.status()).as(entryRefused.body()).isGreaterThanOrEqualTo(500);
    assertThat(eventRefused.status()).as(eventRefused.body()).isGreaterThanOrEqualTo(500);
    assertThat(entries(editor, vault)).isEmpty();
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE vault_id = :vault"
        + " AND action IN ('entry.create', 'vault.import')").param("vault", vault).query(Long.class).single()).isZero();
    assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
  }

  @Test
  default void importWhenUrisAsTextThenCodesAgreeWithOathtool() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();
    String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    ApiResponse imported = editor.postJson("/api/v1/vaults/" + vault + "/import",
        "{\"text\":\"# from a phone\\notpauth://totp/ACME:ops?secret=" + secret + "&issuer=ACME\\n\\n"
            + "otpauth://hotp/Bank:me?secret=" + secret + "&counter=5\"}");
    List<JsonNode> stored = entries(editor, vault);
    String totpId = stored.stream().filter(e -> e.path("type").asString().equals("totp")).findFirst().orElseThrow()
        .path("id").asString();
    ApiResponse code = editor.postJson(ApiClient.codePath(vault, totpId), "{}");

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("format").asString()).isEqualTo("otpauth_uris");
    assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
    assertThat(code.text("code")).isEqualTo(
        Oathtool.totp(secret, "SHA1", 6, 30, java.time.Instant.parse(code.text("validFrom")).getEpochSecond()));
  }

  @Test
  default void importWhenQrImageMadeByQrencodeThenEveryCodeInTheImageIsImported() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();

    ApiResponse imported = upload(editor, vault, "qr/three-codes.png", null, false);

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("format").asString()).isEqualTo("qr_image");
    assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
  }

  @Test
  default void importWhenSomeEntriesAreBadThenPreviewListsThemAndTheRealImportChangesNothing() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();

    ApiResponse preview = upload(editor, vault, "text/mixed-good-and-bad.txt", null, true);
    ApiResponse real = upload(editor, vault, "text/mixed-good-and-bad.txt", null, false);

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.json().path("errors").size()).isPositive();
    assertThat(preview.json().path("errors").get(0).path("position").asString()).startsWith("line ");
    assertThat(real.status()).as(real.body()).isEqualTo(422);
    assertThat(real.text("type")).endsWith("/import-has-errors");
    assertThat(real.json().path("errors").size()).isEqualTo(preview.json().path("errors").size());
    assertThat(entries(editor, vault)).isEmpty();
  }

  @Test
  default void importWhenFileIsJunkOrPasswordWrongOrMissingOrXxeThenRefusedWithoutChange() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();

    ApiResponse junk = upload(editor, vault, "junk.bin", new byte[] {0, 1, 2, 3, (byte) 0xff}, null, false);
    ApiResponse wrong = upload(editor, vault, "aegis/aegis-encrypted.json", "not the password", false);
    ApiResponse missing = upload(editor, vault, "2fas/2fas-encrypted.2fas", null, false);
    ApiResponse xxe = upload(editor, vault, "pskc/xxe-external-entity.xml", null, false);

    assertThat(junk.status()).isEqualTo(415);
    assertThat(junk.text("type")).endsWith("/import-unsupported-format");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.text("type")).endsWith("/import-wrong-password");
    assertThat(wrong.body()).doesNotContain("not the password");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.text("type")).endsWith("/import-password-required");
    assertThat(xxe.status()).isBetween(400, 499);
    assertThat(entries(editor, vault)).isEmpty();
  }

  @Test
  default void importWhenCallerIsViewerThenForbiddenAndOutsiderNotFound() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient viewer = newMember("viewer");
    String viewerId = viewer.get("/api/v1/users/me").text("id");
    assertThat(manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + viewerId)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"viewer\"}"))).status()).isBetween(200, 201);

    ApiResponse asViewer = viewer.postJson("/api/v1/vaults/" + vault + "/import", "{\"text\":\"otpauth://totp/a?secret=GEZDGNBVGY3TQOJQ\"}");
    ApiResponse asOutsider = newMember("outsider").postJson("/api/v1/vaults/" + vault + "/import",
        "{\"text\":\"otpauth://totp/a?secret=GEZDGNBVGY3TQOJQ\"}");

    assertThat(asViewer.status()).as(asViewer.body()).isEqualTo(403);
    assertThat(asOutsider.status()).isEqualTo(404);
  }

  @Test
  default void exportWhenManagerExportsWithAPasswordThenAnotherVaultImportsTheSameCodesAndTheSameVaultOnlySkips() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String totp = manager.newTotpEntry(vault, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    manager.newEntry(vault, "{\"issuer\":\"Bank\",\"account\":\"me\",\"secret\":\"JBSWY3DPEHPK3PXP\","
        + "\"type\":\"hotp\",\"counter\":7}");
    String password = "a long export passphrase";

    ApiResponse exported = manager.postJson("/api/v1/vaults/" + vault + "/export",
        "{\"password\":\"" + password + "\"}");
    String target = manager.newVault();
    ApiResponse imported = upload(manager, target, "vault.json", exported.body().getBytes(StandardCharsets.UTF_8),
        password, false);
    ApiResponse again = upload(manager, vault, "vault.json", exported.body().getBytes(StandardCharsets.UTF_8),
        password, false);
    String copy = entries(manager, target).stream().filter(e -> e.path("type").asString().equals("totp"))
        .findFirst().orElseThrow().path("id").asString();
    JsonNode hotpCopy = entries(manager, target).stream().filter(e -> e.path("type").asString().equals("hotp"))
        .findFirst().orElseThrow();

    assertThat(exported.status()).as(exported.body()).isEqualTo(200);
    assertThat(exported.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(exported.body()).contains("\"watchwordExport\"").doesNotContain("GEZDGNBV");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("format").asString()).isEqualTo("watchword");
    assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
    assertThat(hotpCopy.path("counter").asLong()).isEqualTo(7);
    assertThat(manager.postJson(ApiClient.codePath(target, copy), "{}").text("code"))
        .isEqualTo(manager.postJson(ApiClient.codePath(vault, totp), "{}").text("code"));
    assertThat(again.json().path("skipped").asInt()).isEqualTo(2);
    assertThat(jdbc().sql("SELECT detail FROM audit_event WHERE vault_id = :vault AND action = 'vault.export'")
        .param("vault", vault).query(String.class).single()).isEqualTo("format=watchword entries=2");
  }

  @Test
  default void exportWhenCallerIsEditorOrPasswordIsShortThenRefused() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient editor = newMember("editor");
    String editorId = editor.get("/api/v1/users/me").text("id");
    manager.send(manager.request("/api/v1/vaults/" + vault + "/members/" + editorId)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"editor\"}")));

    ApiResponse byEditor = editor.postJson("/api/v1/vaults/" + vault + "/export", "{\"password\":\"a long export passphrase\"}");
    ApiResponse shortPassword = manager.postJson("/api/v1/vaults/" + vault + "/export", "{\"password\":\"short\"}");

    assertThat(byEditor.status()).isEqualTo(403);
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.body()).doesNotContain("short\"");
  }

  private static ApiResponse upload(ApiClient client, String vault, String fixture, String password, boolean dryRun) {
    try {
      return upload(client, vault, Path.of(fixture).getFileName().toString(), Files.readAllBytes(FIXTURES.resolve(fixture)),
          password, dryRun);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiResponse upload(ApiClient client, String vault, String fileName, byte[] content, String password,
      boolean dryRun) {
    String boundary = "----watchword" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    if (password != null) {
      body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + password)
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.send(client.request("/api/v1/vaults/" + vault + "/import" + (dryRun ? "?dryRun=true" : ""))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static List<JsonNode> entries(ApiClient client, String vault) {
    ApiResponse listed = client.get("/api/v1/vaults/" + vault + "/entries");
    return StreamSupport.stream(listed.json().path("entries").spliterator(), false).toList();
  }

  private static List<String> statuses(JsonNode report) {
    return StreamSupport.stream(report.path("entries").spliterator(), false).map(e -> e.path("status").asString())
        .toList();
  }

  /** {@code count} distinct TOTP URIs, lines 1 to {@code count}, joined by JSON-escaped newlines. */
  private static String uris(String issuer, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      text.append("otpauth://totp/").append(issuer).append(":user").append(i)
          .append("?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\\n");
    }
    return text.toString();
  }

  /** A trigger that makes the database refuse a row of {@code table} that meets a condition; dropped on close. */
  final class DatabaseRefusal implements AutoCloseable {

    private final JdbcClient jdbc;
    private final String table;
    private final boolean postgres;

    private DatabaseRefusal(JdbcClient jdbc, String table, boolean postgres) {
      this.jdbc = jdbc;
      this.table = table;
      this.postgres = postgres;
    }

    /** {@code condition} is SQL on the row to insert, {@code NEW}. */
    static DatabaseRefusal of(ServerUnderTest server, String table, String condition) {
      DatabaseRefusal refusal = new DatabaseRefusal(server.jdbc(), table,
          server.bean(WatchwordProperties.class).usesPostgres());
      if (refusal.postgres) {
        refusal.jdbc.sql("CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql"
            + " AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$").update();
        refusal.jdbc.sql("CREATE TRIGGER refuse_row BEFORE INSERT ON " + table + " FOR EACH ROW"
            + " WHEN (" + condition + ") EXECUTE FUNCTION refuse_row()").update();
      } else {
        refusal.jdbc.sql("CREATE TRIGGER refuse_row BEFORE INSERT ON " + table + " WHEN " + condition
            + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END").update();
      }
      return refusal;
    }

    @Override
    public void close() {
      if (postgres) {
        jdbc.sql("DROP TRIGGER refuse_row ON " + table).update();
        jdbc.sql("DROP FUNCTION refuse_row()").update();
      } else {
        jdbc.sql("DROP TRIGGER refuse_row").update();
      }
    }
  }
}
