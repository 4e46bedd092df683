package dev.watchword.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watchword.server.WatchwordApplication;
import dev.watchword.server.support.ApiClient;
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
class DevModeTest {

  @TempDir
  Path dataDir;

  @Test
  void serveWhenDevThenPrintsTokenAndListeningLineAndTheTokenDiesWithTheProcess(CapturedOutput output) {
    String token;
    int port;
    try (ConfigurableApplicationContext context = start("--watchword.address=127.0.0.1")) {
      port = ((WebServerApplicationContext) context).getWebServer().getPort();
      Matcher line = Pattern.compile("(?m)^dev token: (ww_[A-Za-z0-9_-]{43})$").matcher(output.getOut());
      assertThat(line.find()).as(output.getOut()).isTrue();
      token = line.group(1);
      assertThat(output.getOut()).containsPattern("(?m)^Watchword listening on http://127\\.0\\.0\\.1:" + port + "$");
      assertThat(new ApiClient(port, token).get("/api/v1/vaults").status()).isEqualTo(200);
    }

    // The same data directory served for real: the dev token must not work there.
    try (ConfigurableApplicationContext production = SpringApplication.run(WatchwordApplication.class,
        "--watchword.port=0", "--watchword.address=127.0.0.1", "--watchword.data-dir=" + dataDir)) {
      int newPort = ((WebServerApplicationContext) production).getWebServer().getPort();
      assertThat(new ApiClient(newPort, token).get("/api/v1/vaults").status()).isEqualTo(401);
    }
  }

  @Test
  void serveWhenDevOnANonLoopbackAddressThenRefusesToStart() {
    assertThatThrownBy(() -> start("--watchword.address=0.0.0.0").close())
        .hasStackTraceContaining("Development mode binds loopback only");
  }

  private ConfigurableApplicationContext start(String address) {
    return SpringApplication.run(WatchwordApplication.class, "--watchword.dev=true", "--watchword.port=0",
        address, "--watchword.data-dir=" + dataDir);
  }
}
