package dev.watchword.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.PageForms;
import dev.watchword.server.support.PageForms.Multipart;
import dev.watchword.server.support.ServerUnderTest;
import dev.watchword.server.support.WebCsrf;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The vault manager's pages and the approvals page, driven as a browser drives them (session
 * cookie, CSRF token, urlencoded and multipart forms, htmx requests): each action lands in the same
 * services as the API's, which is what the API then shows.
 */
public interface VaultPagesContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  String OTHER_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  String TWO_LINES = "otpauth://totp/ACME:alice@acme.example?secret=" + SECRET + "&issuer=ACME\n"
      + "otpauth://totp/Stripe:ops@acme.example?secret=" + OTHER_SECRET + "&issuer=Stripe\n";

  @Test
  default void vaultPagesWhenManagerCreatesVaultAndAddsEntriesThenTheyAreListedWithoutSecrets() {
    ApiClient manager = newMember("manager");

    ApiResponse created = PageForms.post(manager, "/vaults", "name", "Acme vault", "client", "Acme Ltd");

    assertThat(created.status()).as(created.body()).isEqualTo(303);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/vaults/[0-9a-f-]{36}\\?done=vault-created");
    String vault = location.substring("/vaults/".length(), location.indexOf('?'));
    assertThat(manager.get("/vaults").body()).contains("Acme vault", "Acme Ltd", "manager");

    ApiResponse byUri = PageForms.post(manager, "/vaults/" + vault + "/entries",
        "uri", "otpauth://totp/ACME:alice@acme.example?secret=" + SECRET + "&issuer=ACME");
    ApiResponse byFields = PageForms.postHtmx(manager, "/vaults/" + vault + "/entries", "issuer", "AWS",
        "account", "root", "secret", OTHER_SECRET, "type", "totp", "algorithm", "SHA256", "digits", "8",
        "period", "60", "counter", "");

    assertThat(byUri.status()).as(byUri.body()).isEqualTo(303);
    assertThat(byFields.status()).as(byFields.body()).isEqualTo(204);
    assertThat(byFields.headers().firstValue("HX-Redirect")).hasValue("/vaults/" + vault + "?done=entry-added");
    ApiResponse page = manager.get(location);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("alice@acme.example", "root", "SHA256", "Vault created")
        .doesNotContain(SECRET, OTHER_SECRET);
    assertThat(manager.get("/?q=alice").body()).contains("alice@acme.example").doesNotContain(SECRET);
    JsonNode aws = entries(manager, vault).stream().filter(e -> e.path("issuer").asString().equals("AWS"))
        .findFirst().orElseThrow();
    assertThat(aws.path("algorithm").asString()).isEqualTo("SHA256");
    assertThat(aws.path("digits").asInt()).isEqualTo(8);
    assertThat(aws.path("period").asInt()).isEqualTo(60);
  }

  @Test
  default void addEntryWhenCallerIsViewerThenForbiddenAndNothingAdded() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient viewer = member(manager, vault, "viewer", "viewer");

    ApiResponse refused = PageForms.post(viewer, "/vaults/" + vault + "/entries", "account", "a", "secret", SECRET);
    ApiResponse refusedByHtmx = PageForms.postHtmx(viewer, "/vaults/" + vault + "/entries", "account", "a",
        "secret", SECRET);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("text/html");
    assertThat(refused.body()).contains("editor role").doesNotContain(SECRET);
    assertThat(refusedByHtmx.status()).isEqualTo(200);
    assertThat(refusedByHtmx.body()).contains("class=\"problem\"", "editor role").doesNotContain("<html");
    assertThat(viewer.get("/vaults/" + vault).status()).isEqualTo(200);
    assertThat(viewer.get("/vaults/" + vault + "/import").status()).isEqualTo(403);
    assertThat(viewer.get("/vaults/" + vault + "/members").status()).isEqualTo(403);
    assertThat(entries(manager, vault)).isEmpty();
  }

  @Test
  default void importPageWhenPreviewedThenNothingChangesConfirmImportsAndRepeatOnlySkips() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();
    String path = "/vaults/" + vault + "/import";

    ApiResponse preview = multipart(editor, path + "/preview", new Multipart().field("text", TWO_LINES), true);
    int afterPreview = entries(editor, vault).size();
    ApiResponse imported = multipart(editor, path, new Multipart().field("text", TWO_LINES), false);
    ApiResponse again = multipart(editor, path, new Multipart().field("text", TWO_LINES), true);

    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body()).doesNotContain("<html").contains("alice@acme.example", "ops@acme.example",
        "will be imported", "Import 2 entries").doesNotContain(SECRET, OTHER_SECRET);
    assertThat(afterPreview).isZero();
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.body()).contains("<html", "<strong>2</strong> imported");
    assertThat(entries(editor, vault)).extracting(e -> e.path("account").asString())
        .containsExactlyInAnyOrder("alice@acme.example", "ops@acme.example");
    assertThat(again.body()).contains("<strong>0</strong> imported", "<strong>2</strong> skipped",
        "skipped: already there").doesNotContain("will be imported");
    assertThat(entries(editor, vault)).hasSize(2);
  }

  @Test
  default void importPageWhenFileCarriesCsrfAsFormFieldThenAcceptedAndWithoutTokenRefused() {
    ApiClient editor = newMember("editor");
    String vault = editor.newVault();
    WebCsrf csrf = WebCsrf.random();
    byte[] file = TWO_LINES.getBytes(StandardCharsets.UTF_8);

    ApiResponse withField = editor.send(browser(editor, "/vaults/" + vault + "/import/preview", csrf,
        new Multipart().field("_csrf", csrf.maskedToken()).file("file", "ente.txt", file)));
    ApiResponse without = editor.send(browser(editor, "/vaults/" + vault + "/import/preview", csrf,
        new Multipart().file("file", "ente.txt", file)));

    assertThat(withField.status()).as(withField.body()).isEqualTo(200);
    assertThat(withField.body()).contains("Import 2 entries");
    assertThat(without.status()).isEqualTo(403);
  }

  @Test
  default void pageLoadWhenSignedInThenTheCsrfCookieStaysAsItIs() {
    ApiClient manager = newMember("manager");
    WebCsrf csrf = WebCsrf.random();

    ApiResponse page = manager.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/vaults"))
        .header("Cookie", "__Host-watchword=" + manager.token() + "; " + csrf.cookie()).GET());

    // Reissuing it on every load would strand the token of every other open tab (and Chromium
    // dropped the cookie altogether when a response cleared and set it at once).
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(WebCsrf.COOKIE + "="));
  }

  @Test
  default void pageFormWhenLargerThanTheLimitThenTheProblemPageUnderTheStrictCspAndForHtmxItsFragment() {
    ApiClient manager = newMember("manager");
    String huge = "x".repeat(2 * 1024 * 1024);

    ApiResponse page = manager.send(manager.request("/vaults").header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=" + huge)));
    ApiResponse htmx = PageForms.postHtmx(manager, "/vaults", "name", huge);

    assertThat(page.status()).isEqualTo(413);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(PageForms.text(page.body())).contains("<html", "larger than Watchword accepts");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(htmx.status()).isEqualTo(200);
    assertThat(htmx.body()).contains("larger than Watchword accepts").doesNotContain("<html");
    assertThat(manager.get("/api/v1/vaults").json().path("vaults").size()).isZero();
  }

  @Test
  default void policyPageWhenRuleDoesNotCompileThenRefusedWithCompilerMessageAndValidRuleIsListed() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String path = "/vaults/" + vault + "/policies";

    ApiResponse refused = PageForms.post(manager, path, "name", "typo", "expression", "requst.hour > 8");
    ApiResponse refusedByHtmx = PageForms.postHtmx(manager, path, "name", "typo", "expression", "requst.hour > 8");
    ApiResponse withoutExpression = PageForms.post(manager, path, "name", "no condition");
    // limited to code releases: a rule that refused its own removal at this hour would be a lockout (409)
    String officeHours = "request.action != \"code.release\" || (request.hour >= 8 && request.hour < 18)";
    ApiResponse added = PageForms.post(manager, path, "name", "office hours", "expression", officeHours);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(PageForms.text(refused.body())).contains("undeclared reference to 'requst'");
    assertThat(withoutExpression.status()).isEqualTo(400);
    assertThat(PageForms.text(withoutExpression.body())).contains("'expression' is required");
    assertThat(PageForms.text(refusedByHtmx.body())).contains("undeclared reference to 'requst'")
        .doesNotContain("<html");
    assertThat(added.status()).as(added.body()).isEqualTo(303);
    assertThat(PageForms.text(manager.get("/vaults/" + vault + "/settings").body()))
        .contains("office hours", officeHours).doesNotContain("typo");
    assertThat(manager.get("/api/v1/vaults/" + vault + "/policies").json().path("rules").findValuesAsString("name"))
        .containsExactly("office hours");
  }

  @Test
  default void settingsAndMembersPagesWhenManagerSavesThenTheApiShowsIt() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    ApiClient colleague = newMember("colleague");
    String username = colleague.get("/api/v1/users/me").text("username");

    ApiResponse rules = PageForms.post(manager, "/vaults/" + vault + "/settings/release", "requireReason", "on",
        "ticketPattern", "^INC-\\d+$");
    ApiResponse access = PageForms.post(manager, "/vaults/" + vault + "/settings/access", "requestable", "on",
        "maxGrantMinutes", "90");
    ApiResponse added = PageForms.post(manager, "/vaults/" + vault + "/members", "user", username.toUpperCase(),
        "role", "editor", "expiresAt", "");

    assertThat(rules.status()).as(rules.body()).isEqualTo(303);
    assertThat(access.status()).as(access.body()).isEqualTo(303);
    assertThat(added.status()).as(added.body()).isEqualTo(303);
    JsonNode listed = manager.get("/api/v1/vaults").json().path("vaults").get(0);
    assertThat(listed.path("requireReason").asBoolean()).isTrue();
    assertThat(listed.path("ticketPattern").asString()).isEqualTo("^INC-\\d+$");
    assertThat(newMember("outsider").get("/api/v1/requestable-vaults").json().path("vaults")
        .findValuesAsString("id")).contains(vault);
    assertThat(colleague.get("/api/v1/vaults").json().path("vaults").findValuesAsString("role"))
        .containsExactly("editor");
    assertThat(manager.get(added.headers().firstValue("Location").orElseThrow()).body())
        .contains(username, "Member saved");
    assertThat(PageForms.post(manager, "/vaults/" + vault + "/members", "user", "nobody-" + vault, "role", "viewer")
        .status()).isEqualTo(404);
  }

  @Test
  default void approvalsPageWhenTwoPersonReleaseWaitsThenListedAndApprovingLetsTheRequesterGetTheCode() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    String entry = manager.newTotpEntry(vault, SECRET);
    ApiClient technician = member(manager, vault, "technician", "viewer");
    assertThat(PageForms.post(manager, "/vaults/" + vault + "/settings/release", "highValue", "on").status())
        .isEqualTo(303);
    String approval = technician.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"INC-4\"}")
        .text("approvalId");

    String page = manager.get("/approvals").body();
    String ownPage = technician.get("/approvals").body();
    ApiResponse approved = PageForms.postHtmx(manager, "/vaults/" + vault + "/approvals/" + approval + "/approve");
    ApiResponse twice = PageForms.postHtmx(manager, "/vaults/" + vault + "/approvals/" + approval + "/approve");
    ApiResponse released = technician.postJson(ApiClient.codePath(vault, entry),
        "{\"approval\":\"" + approval + "\"}");

    assertThat(page).contains(approval, "INC-4", "AWS root").doesNotContain(SECRET);
    assertThat(ownPage).doesNotContain(approval);
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.body()).contains("Approved.").doesNotContain("<html");
    assertThat(twice.body()).contains("class=\"problem\"");
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    assertThat(released.text("code")).matches("\\d{6}");
    assertThat(manager.get("/approvals").body()).doesNotContain(approval);
  }

  @Test
  default void approvalsPageWhenRequestsWaitInSeveralVaultsThenEachIsListedWithItsVaultAndEntry() {
    ApiClient manager = newMember("manager");
    ApiClient technician = newMember("technician");
    java.util.List<String> approvals = new java.util.ArrayList<>();
    for (String client : new String[] {"Globex", "Initech"}) {
      String vault = manager.postJson("/api/v1/vaults", "{\"name\":\"" + client + " vault\"}").text("id");
      String entry = manager.newEntry(vault, "{\"issuer\":\"" + client + " SSO\",\"account\":\"admin\","
          + "\"secret\":\"" + SECRET + "\"}");
      addToVault(manager, vault, technician, "viewer");
      PageForms.post(manager, "/vaults/" + vault + "/settings/release", "highValue", "on");
      approvals.add(technician.postJson(ApiClient.codePath(vault, entry), "{}").text("approvalId"));
    }

    String page = PageForms.text(manager.get("/approvals").body());

    assertThat(page).contains(approvals.get(0), approvals.get(1), "Globex vault", "Initech vault", "Globex SSO",
        "Initech SSO");
  }

  @Test
  default void approvalsPageWhenAccessRequestIsApprovedThenRoleIsGrantedAndTheRequesterSeesIt() {
    ApiClient manager = newMember("manager");
    String vault = manager.newVault();
    PageForms.post(manager, "/vaults/" + vault + "/settings/access", "requestable", "on", "maxGrantMinutes", "60");
    ApiClient technician = newMember("technician");
    ApiResponse asked = PageForms.postHtmx(technician, "/vaults/" + vault + "/access-requests", "role", "viewer",
        "minutes", "30", "reason", "INC-7 outage");
    String request = manager.get("/api/v1/vaults/" + vault + "/access-requests").json().path("requests").get(0)
        .path("id").asString();
    String username = technician.get("/api/v1/users/me").text("username");

    String page = manager.get("/approvals").body();
    ApiResponse byRequester = PageForms.post(technician, "/vaults/" + vault + "/access-requests/" + request
        + "/approve");
    ApiResponse approved = PageForms.post(manager, "/vaults/" + vault + "/access-requests/" + request + "/approve");

    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    assertThat(page).contains(request, username, "INC-7 outage");
    assertThat(byRequester.status()).isEqualTo(404);
    assertThat(approved.status()).isEqualTo(303);
    assertThat(approved.headers().firstValue("Location")).hasValue("/approvals?done=approved");
    assertThat(technician.get("/api/v1/vaults/" + vault + "/entries").status()).isEqualTo(200);
    assertThat(technician.get("/approvals").body()).contains("approved");
    assertThat(manager.get("/approvals").body()).doesNotContain(request);
  }

  private ApiClient member(ApiClient manager, String vault, String name, String role) {
    ApiClient member = newMember(name);
    addToVault(manager, vault, member, role);
    return member;
  }

  private static ApiResponse multipart(ApiClient client, String path, Multipart body, boolean htmx) {
    HttpRequest.Builder request = client.request(path).header("Content-Type", body.contentType());
    if (htmx) {
      request.header("HX-Request", "true");
    }
    return client.send(request.POST(body.publisher()));
  }

  /** A browser without JavaScript: the CSRF token only in the form, never in a header. */
  private HttpRequest.Builder browser(ApiClient client, String path, WebCsrf csrf, Multipart body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
        .header("Cookie", "__Host-watchword=" + client.token() + "; " + csrf.cookie())
        .header("Content-Type", body.contentType())
        .POST(body.publisher());
  }

  private static List<JsonNode> entries(ApiClient client, String vault) {
    return StreamSupport.stream(client.get("/api/v1/vaults/" + vault + "/entries").json().path("entries")
        .spliterator(), false).toList();
  }
}
