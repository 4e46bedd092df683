package dev.watchword.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.WatchwordApplication;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
class FirstRunSetupTest {

  private static final Pattern LINK = Pattern.compile("(?m)^  http://127\\.0\\.0\\.1:(\\d+)/setup#token=(wws_[A-Za-z0-9_-]{43})$");

  @TempDir
  Path dataDir;

  @Test
  void serveWhenNoUserExistsThenPrintsAOneTimeLinkThatCreatesTheOwnerOnce(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start()) {
      Matcher link = LINK.matcher(output.getOut());
      assertThat(link.find()).as(output.getOut()).isTrue();
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      ApiClient anonymous = new ApiClient(port, null);
      String token = link.group(2);

      ApiResponse weak = anonymous.postJson("/api/v1/setup", body(token, "password"));
      ApiResponse created = anonymous.postJson("/api/v1/setup", body(token, "a long and uncommon passphrase"));
      ApiResponse again = anonymous.postJson("/api/v1/setup", body(token, "a long and uncommon passphrase"));

      assertThat(weak.status()).isEqualTo(400);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.text("role")).isEqualTo("owner");
      assertThat(again.status()).isEqualTo(410);
      ApiResponse login = anonymous.postJson("/api/v1/auth/login",
          "{\"username\":\"boss\",\"password\":\"a long and uncommon passphrase\"}");
      assertThat(login.text("status")).isEqualTo("ENROLMENT_REQUIRED");
      ApiResponse page = anonymous.get("/setup.html");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
          csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }
  }

  @Test
  void serveWhenAUserExistsThenPrintsNoSetupLink(CapturedOutput output) {
    try (ConfigurableApplicationContext first = start()) {
      Matcher link = LINK.matcher(output.getOut());
      assertThat(link.find()).isTrue();
      int port = ((WebServerApplicationContext) first).getWebServer().getPort();
      new ApiClient(port, null).postJson("/api/v1/setup", body(link.group(2), "a long and uncommon passphrase"));
    }
    int before = output.getOut().length();

    try (ConfigurableApplicationContext second = start()) {
      assertThat(output.getOut().substring(before)).doesNotContain("setup#token=");
    }
  }

  private static String body(String token, String password) {
    return "{\"token\":\"" + token + "\",\"username\":\"boss\",\"displayName\":\"The Boss\",\"password\":\""
        + password + "\"}";
  }

  private ConfigurableApplicationContext start() {
    return SpringApplication.run(WatchwordApplication.class, "--watchword.port=0", "--watchword.address=127.0.0.1",
        "--watchword.data-dir=" + dataDir);
  }
}
