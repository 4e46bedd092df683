package dev.watchword.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.WatchwordApplication;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new installation's first start records the keys it generated, and every start records the
 * configuration it runs with; a restart with another retention shows the change, and generates no
 * key. The chain stays valid across both starts.
 */
class StartupAuditTest {

  @TempDir
  Path dataDir;

  @Test
  void startWhenNewThenKeysAndConfigurationAreAuditedAndARestartRecordsOnlyItsConfiguration() {
    try (ConfigurableApplicationContext first = start()) {
      assertThat(systemEvents(first)).containsExactly(
          "key.master.create algorithm=AES256_GCM file=master.key",
          "key.audit.create chain=HMAC-SHA256 signing=Ed25519",
          "server.start database=sqlite dev=false checkpointEvery=256 checkpointInterval=PT1M retention=forever"
              + " sinks=none");
    }

    try (ConfigurableApplicationContext second = start("--watchword.audit.retention=P400D")) {
      List<String> events = systemEvents(second);
      assertThat(events).hasSize(4);
      assertThat(events.get(3)).isEqualTo("server.start database=sqlite dev=false checkpointEvery=256"
          + " checkpointInterval=PT1M retention=P400D sinks=none");
      Verification verification = second.getBean(AuditTrail.class).verify();
      assertThat(verification.valid()).as(verification.toString()).isTrue();
    }
  }

  private static List<String> systemEvents(ConfigurableApplicationContext context) {
    return context.getBean(JdbcClient.class)
        .sql("SELECT action, detail FROM audit_event WHERE actor_name = 'system' AND actor_id IS NULL ORDER BY seq")
        .query((rs, n) -> rs.getString("action") + " " + rs.getString("detail"))
        .list();
  }

  private ConfigurableApplicationContext start(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--watchword.port=0", "--watchword.address=127.0.0.1",
        "--watchword.data-dir=" + dataDir));
    args.addAll(List.of(more));
    return SpringApplication.run(WatchwordApplication.class, args.toArray(String[]::new));
  }
}
