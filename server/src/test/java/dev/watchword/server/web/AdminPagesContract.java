package dev.watchword.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import dev.watchword.server.support.WebCsrf;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The administration pages, through the browser's session cookie and CSRF pair: people (list, add,
 * role, sessions, disable with the offboarding report), the audit viewer (filters, cursor, export,
 * verification) and the single sign-on providers. They call the same services as the API, so the
 * same roles hold: owners and admins manage people, auditors read the audit only, members neither.
 */
public interface AdminPagesContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  String GOOD_PASSWORD = "Tangerine-Kettle-7391-Orbit";

  @Test
  default void peopleWhenAdminDisablesAMemberThenTheReportShowsWhatToRotateAndTheirNextRequestIsRefused() {
    ApiClient admin = newAdmin("admin");
    ApiClient leaver = newMember("leaver");
    String leaverId = leaver.get("/api/v1/users/me").text("id");
    String leaverName = leaver.get("/api/v1/users/me").text("username");
    String vault = leaver.newVault();
    String vaultName = leaver.get("/api/v1/vaults").json().path("vaults").get(0).path("name").asString();
    String entry = leaver.newEntry(vault, "{\"issuer\":\"Stripe\",\"account\":\"billing@acme\",\"secret\":\""
        + SECRET + "\"}");
    assertThat(leaver.postJson("/api/v1/vaults/" + vault + "/entries/" + entry + "/reveal",
        "{\"reason\":\"new phone\"}").status()).isEqualTo(200);
    assertThat(leaver.get("/").status()).isEqualTo(200);

    ApiResponse people = admin.get("/admin/users");
    ApiResponse confirm = admin.get("/admin/users/" + leaverId + "/offboarding");
    ApiResponse disabled = admin.postForm("/admin/users/" + leaverId + "/disable");

    assertThat(people.status()).isEqualTo(200);
    assertThat(people.contentType()).startsWith("text/html");
    assertThat(people.body()).contains(leaverName, "/admin/users/" + leaverId + "/offboarding");
    assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
    assertThat(confirm.body()).contains("Disable " + leaverName, vaultName, "Stripe", "billing@acme", "rotation due",
        "action=\"/admin/users/" + leaverId + "/disable\"").doesNotContain(SECRET);
    assertThat(disabled.status()).isEqualTo(302);
    assertThat(disabled.headers().firstValue("Location").orElse(""))
        .endsWith("/admin/users/" + leaverId + "/offboarding?done=disabled");
    assertThat(leaver.get("/api/v1/users/me").status()).isEqualTo(401);
    ApiResponse leaversPage = leaver.get("/");
    assertThat(leaversPage.status()).isEqualTo(302);
    assertThat(leaversPage.headers().firstValue("Location").orElse("")).endsWith("/signin");
    ApiResponse report = admin.get("/admin/users/" + leaverId + "/offboarding?done=disabled");
    assertThat(report.body()).contains("is disabled", "Offboarding report: " + leaverName, vaultName)
        .doesNotContain("action=\"/admin/users/" + leaverId + "/disable\"");
    assertThat(admin.get("/admin/users").body()).contains("disabled");
  }

  @Test
  default void disableWhenAnAdminTargetsAnOwnerOrAnyoneThemselvesThenRefusedAndNobodyIsDisabled() {
    ApiClient owner = newOwner("owner");
    ApiClient admin = newAdmin("admin");
    String ownerId = owner.get("/api/v1/users/me").text("id");
    String adminId = admin.get("/api/v1/users/me").text("id");

    ApiResponse adminOnOwner = admin.postJson("/api/v1/users/" + ownerId + "/disable", "{}");
    ApiResponse adminOnSelf = admin.postJson("/api/v1/users/" + adminId + "/disable", "{}");
    ApiResponse ownerOnSelf = owner.postJson("/api/v1/users/" + ownerId + "/disable", "{}");

    assertThat(adminOnOwner.status()).isEqualTo(403);
    assertThat(adminOnOwner.text("type")).endsWith("/owner-required");
    assertThat(adminOnSelf.status()).isEqualTo(409);
    assertThat(adminOnSelf.text("type")).endsWith("/self-disable");
    assertThat(ownerOnSelf.status()).isEqualTo(409);
    assertThat(owner.get("/api/v1/users/me").status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/users/me").status()).isEqualTo(200);
    // An owner may offboard another owner while one remains.
    assertThat(owner.postJson("/api/v1/users/" + newOwner("leaving-owner").get("/api/v1/users/me").text("id")
        + "/disable", "{}").status()).isEqualTo(200);
  }

  @Test
  default void orgPolicyPageWhenAdminAddsARuleThenValidatedListedAppliedAndRemovable() {
    ApiClient admin = newAdmin("admin");
    ApiClient member = newMember("member");

    ApiResponse broken = admin.postForm("/admin/policies", "name", "broken", "expression", "request.hour >");
    ApiResponse forbidden = member.postForm("/admin/policies", "name", "mine", "expression", "true");
    ApiResponse added = admin.postForm("/admin/policies", "name", "page rule", "expression",
        "request.action != \"no.such.action\"");
    try {
      assertThat(broken.status()).isEqualTo(400);
      assertThat(broken.body()).contains("The expression does not compile", "mismatched input");
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(added.status()).isEqualTo(303);
      ApiResponse page = admin.get("/admin/policies?done=added");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("Rule added.", "page rule", "no.such.action");
      assertThat(member.get("/admin/policies").status()).isEqualTo(403);
    } finally {
      admin.get("/api/v1/policies").json().path("rules").forEach(rule -> {
        if (rule.path("name").asString().equals("page rule")) {
          assertThat(admin.postForm("/admin/policies/" + rule.path("id").asString() + "/remove").status())
              .isEqualTo(303);
        }
      });
    }
    assertThat(admin.get("/api/v1/policies").json().path("rules").findValuesAsString("name"))
        .doesNotContain("page rule");
  }

  @Test
  default void peopleWhenMemberOrAuditorThenForbiddenAndNothingChanges() {
    ApiClient member = newMember("nosy");
    ApiClient auditor = newAuditor("auditor");
    ApiClient target = newMember("target");
    String targetId = target.get("/api/v1/users/me").text("id");

    assertThat(member.get("/admin/users").status()).isEqualTo(403);
    assertThat(member.get("/admin/audit").status()).isEqualTo(403);
    assertThat(member.get("/admin/sso").status()).isEqualTo(403);
    assertThat(member.get("/admin/users/" + targetId + "/offboarding").status()).isEqualTo(403);
    assertThat(member.postForm("/admin/users/" + targetId + "/disable").status()).isEqualTo(403);
    assertThat(auditor.get("/admin/users").status()).isEqualTo(403);
    assertThat(auditor.get("/admin/users/" + targetId).status()).isEqualTo(403);
    assertThat(auditor.get("/admin/sso").status()).isEqualTo(403);
    ApiResponse audit = auditor.get("/admin/audit");
    assertThat(audit.status()).isEqualTo(200);
    assertThat(audit.body()).contains("<h1>Audit</h1>").doesNotContain("href=\"/admin/users\">People");
    assertThat(target.get("/api/v1/users/me").status()).isEqualTo(200);
  }

  @Test
  default void addPersonWhenPasswordIsRefusedThenTheReasonShowsWithTheFormAndAGoodOneCreatesThem() {
    ApiClient admin = newAdmin("admin");
    String username = "new-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    ApiResponse weak = admin.postForm("/admin/users", "username", username, "displayName", "New Person",
        "password", "password");
    ApiResponse badName = admin.postForm("/admin/users", "username", "no spaces allowed", "displayName", "X",
        "password", GOOD_PASSWORD);
    ApiResponse created = admin.postForm("/admin/users", "username", username, "displayName", "New Person",
        "password", GOOD_PASSWORD);
    ApiResponse taken = admin.postForm("/admin/users", "username", username, "displayName", "Again",
        "password", GOOD_PASSWORD);

    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("Password refused", "value=\"" + username + "\"", "value=\"New Person\"")
        .doesNotContain("value=\"password\"");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.body()).contains("The username must be");
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/admin/users/").endsWith("?done=created");
    ApiResponse person = admin.get(URI.create(location).getPath() + "?done=created");
    assertThat(person.body()).contains("Person added", username, "New Person", "none yet", "member");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.body()).contains("already exists");
    assertThat(anonymous().postJson("/api/v1/auth/login",
        "{\"username\":\"" + username + "\",\"password\":\"" + GOOD_PASSWORD + "\"}").text("status"))
        .isEqualTo("ENROLMENT_REQUIRED");
  }

  @Test
  default void roleWhenOwnerChangesItOnThePageThenItAppliesAndAnAdminCannot() {
    ApiClient owner = newOwner("owner");
    ApiClient admin = newAdmin("admin");
    ApiClient member = newMember("future-auditor");
    String memberId = member.get("/api/v1/users/me").text("id");

    ApiResponse ownersView = owner.get("/admin/users/" + memberId);
    ApiResponse adminsView = admin.get("/admin/users/" + memberId);
    ApiResponse byAdmin = admin.postForm("/admin/users/" + memberId + "/role", "role", "owner");
    ApiResponse byOwner = owner.postForm("/admin/users/" + memberId + "/role", "role", "auditor");

    assertThat(ownersView.body()).contains("name=\"role\"");
    assertThat(adminsView.body()).doesNotContain("name=\"role\"").contains("Only an owner");
    assertThat(byAdmin.status()).isEqualTo(403);
    assertThat(byOwner.status()).isEqualTo(302);
    assertThat(member.get("/admin/audit").status()).isEqualTo(200);
    assertThat(member.get("/api/v1/users/me").text("role")).isEqualTo("auditor");
  }

  @Test
  default void sessionsWhenAdminEndsOneOnThePageThenThatTokenIsRefused() {
    ApiClient admin = newAdmin("admin");
    ApiClient member = newMember("signed-in");
    String memberId = member.get("/api/v1/users/me").text("id");

    ApiResponse person = admin.get("/admin/users/" + memberId);
    Matcher end = Pattern.compile("action=\"(/admin/users/" + memberId + "/sessions/[^\"]+/end)\"")
        .matcher(person.body());
    assertThat(end.find()).as(person.body()).isTrue();
    ApiResponse ended = admin.postForm(end.group(1));

    assertThat(ended.status()).isEqualTo(302);
    assertThat(member.get("/api/v1/users/me").status()).isEqualTo(401);
    assertThat(admin.get("/admin/users/" + memberId + "?done=session").body())
        .contains("Session ended", "No live sessions");
  }

  @Test
  default void auditViewerWhenFilteredThenOnlyMatchingEventsNewestFirst() {
    ApiClient technician = newMember("technician");
    String vault = technician.newVault();
    String entry = technician.newTotpEntry(vault, SECRET);
    technician.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"INC-7\"}");
    technician.postJson(ApiClient.codePath(vault, "00000000-0000-4000-8000-000000000000"), "{}");
    ApiClient auditor = newAuditor("auditor");

    ApiResponse all = auditor.get("/admin/audit?vaultId=" + vault);
    ApiResponse denied = auditor.get("/admin/audit?vaultId=" + vault + "&decision=deny");
    ApiResponse releases = auditor.get("/admin/audit?vaultId=" + vault + "&action=code.release&decision=allow");
    ApiResponse badTime = auditor.get("/admin/audit?from=yesterday");

    assertThat(all.status()).isEqualTo(200);
    assertThat(rows(all.body())).isEqualTo(4);
    assertThat(all.body().indexOf(">code.release<")).isLessThan(all.body().indexOf(">vault.create<"));
    assertThat(all.body()).contains("INC-7", "value=\"" + vault + "\"");
    assertThat(rows(denied.body())).isEqualTo(1);
    assertThat(denied.body()).doesNotContain(">vault.create<").contains("selected=\"selected\">deny<");
    assertThat(rows(releases.body())).isEqualTo(1);
    assertThat(releases.body()).contains("INC-7");
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.body()).contains("from must be a date and time");
  }

  @Test
  default void auditViewerWhenMoreThanAPageThenOlderLinkWalksBackWithTheFilters() {
    ApiClient technician = newMember("busy");
    String vault = technician.newVault();
    String entry = technician.newTotpEntry(vault, SECRET);
    for (int i = 0; i < 51; i++) {
      technician.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"r" + i + "\"}");
    }
    ApiClient auditor = newAuditor("auditor");

    ApiResponse first = auditor.get("/admin/audit?vaultId=" + vault + "&action=code.release");
    Matcher older = Pattern.compile("href=\"(/admin/audit\\?[^\"]*before=\\d+)\"").matcher(first.body());
    assertThat(older.find()).as("an older link").isTrue();
    ApiResponse second = auditor.get(older.group(1).replace("&amp;", "&"));

    assertThat(rows(first.body())).isEqualTo(50);
    assertThat(first.body()).contains(">r50<").doesNotContain(">r0<");
    assertThat(rows(second.body())).isEqualTo(1);
    assertThat(second.body()).contains(">r0<", "Newest events").doesNotContain("before=");
  }

  @Test
  default void auditExportWhenCsvOrJsonFromTheBrowserSessionThenHeaderRowAndTheEventsAndAudited() {
    ApiClient technician = newMember("exported");
    String vault = technician.newVault();
    String entry = technician.newTotpEntry(vault, SECRET);
    technician.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"INC-9\"}");
    ApiClient auditor = newAuditor("auditor");

    ApiResponse page = auditor.get("/admin/audit?vaultId=" + vault);
    ApiResponse csv = auditor.get("/admin/audit/export?format=csv&vaultId=" + vault);
    ApiResponse json = auditor.get("/admin/audit/export?format=json&vaultId=" + vault + "&action=code.release");
    ApiResponse bad = auditor.get("/admin/audit/export?format=xml");

    assertThat(page.body()).contains("href=\"/admin/audit/export?vaultId=" + vault + "&amp;format=csv\"");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("seq,at,actor,actorId,action,vaultId,entryId,decision,reason");
    assertThat(lines).hasSize(4); // header, vault.create, entry.create, code.release
    assertThat(lines[3]).contains(",code.release,", "INC-9");
    assertThat(json.status()).isEqualTo(200);
    assertThat(ApiClient.parse(json.body()).get(0).path("reason").asString()).isEqualTo("INC-9");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'audit.export' AND actor_name LIKE 'auditor-%'"
        + " AND detail LIKE :detail").param("detail", "%vault=" + vault + "%").query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  default void verifyWhenTheLogIsIntactThenThePageAndTheHtmxFragmentSaySo() {
    ApiClient auditor = newAuditor("verifier");

    ApiResponse page = auditor.get("/admin/audit");
    ApiResponse verified = auditor.get("/admin/audit/verify");
    ApiResponse fragment = auditor.send(auditor.request("/admin/audit/verify").header("HX-Request", "true").GET());

    assertThat(page.body()).contains("Verify now", "Newest event").doesNotContain("Intact.");
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body()).contains("Intact.", "<h1>Audit</h1>");
    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.body()).contains("Intact.").doesNotContain("<html", "<h1>");
  }

  @Test
  default void formWhenPostedWithoutOrWithAWrongCsrfTokenThenRefusedAndNothingChanges() {
    ApiClient admin = newAdmin("admin");
    ApiClient target = newMember("kept");
    String targetId = target.get("/api/v1/users/me").text("id");
    URI disable = URI.create("http://127.0.0.1:" + port() + "/admin/users/" + targetId + "/disable");
    WebCsrf mine = WebCsrf.random();

    ApiResponse noToken = admin.send(HttpRequest.newBuilder(disable)
        .header("Cookie", "__Host-watchword=" + admin.token())
        .POST(HttpRequest.BodyPublishers.noBody()));
    ApiResponse wrongToken = admin.send(HttpRequest.newBuilder(disable)
        .header("Cookie", "__Host-watchword=" + admin.token() + "; " + mine.cookie())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + WebCsrf.random().maskedToken())));

    assertThat(noToken.status()).isEqualTo(403);
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(target.get("/api/v1/users/me").status()).isEqualTo(200);
  }

  @Test
  default void ssoPageWhenNoProviderIsConfiguredThenSaysSoAndWhereTheyComeFrom() {
    ApiResponse page = newOwner("owner").get("/admin/sso");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("No provider is configured", "watchword.sso.providers");
  }

  /** Rows of the audit table: one cell labelled "#" each. */
  private static int rows(String body) {
    return body.split("data-label=\"#\"", -1).length - 1;
  }
}
