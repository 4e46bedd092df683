package dev.watchword.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.WatchwordApplication;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An installation upgraded from before the audit chain (schema V13) keeps its events: the first
 * start numbers them 1..n in their order (closing the gaps the old AUTOINCREMENT left), links them
 * into the chain before anything else is appended, and the whole log then verifies; a tampered
 * legacy event is found like any other.
 */
class LegacyEventLinkerTest {

  @TempDir
  Path dataDir;

  @Test
  void startWhenAnUpgradedDatabaseHoldsUnlinkedEventsThenTheyAreNumberedLinkedAndVerified() {
    String url = "jdbc:sqlite:" + dataDir.resolve("watchword.db");
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("13").load()
        .migrate();
    try (SingleConnectionDataSource old = new SingleConnectionDataSource(url, true)) {
      JdbcClient jdbc = JdbcClient.create(old);
      for (long[] row : new long[][] {{3, 1_000}, {7, 2_000}, {8, 2_000}}) {
        jdbc.sql("""
                INSERT INTO audit_event (seq, at, actor_id, actor_name, action, decision, client_ip, detail)
                VALUES (:seq, :at, NULL, 'alice', 'code.release', 'allow', '192.0.2.1', :detail)""")
            .param("seq", row[0]).param("at", row[1]).param("detail", "legacy " + row[0]).update();
      }
    }

    try (ConfigurableApplicationContext upgraded = start()) {
      JdbcClient jdbc = upgraded.getBean(JdbcClient.class);
      List<String> events = jdbc.sql("SELECT seq, detail, hash IS NOT NULL AS linked FROM audit_event ORDER BY seq")
          .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getBoolean(3)).list();
      assertThat(events).startsWith("1 legacy 3 true", "2 legacy 7 true", "3 legacy 8 true");
      assertThat(events.get(3)).startsWith("4 ");
      Verification intact = upgraded.getBean(AuditTrail.class).verify();
      assertThat(intact.valid()).as(intact.toString()).isTrue();
      assertThat(intact.firstSeq()).isEqualTo(1);

      jdbc.sql("UPDATE audit_event SET detail = 'legacy 3, edited' WHERE seq = 1").update();
      Verification tampered = upgraded.getBean(AuditTrail.class).verify();
      assertThat(tampered.valid()).isFalse();
      assertThat(tampered.firstBadSeq()).isEqualTo(1L);
    }
  }

  private ConfigurableApplicationContext start() {
    return SpringApplication.run(WatchwordApplication.class, "--watchword.port=0", "--watchword.address=127.0.0.1",
        "--watchword.data-dir=" + dataDir);
  }
}
