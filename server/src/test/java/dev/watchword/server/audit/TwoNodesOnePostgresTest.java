package dev.watchword.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.WatchwordApplication;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.PostgresServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server nodes on one PostgreSQL database append to one audit chain: with releases racing on
 * both, the sequence stays contiguous and every link verifies.
 */
class TwoNodesOnePostgresTest extends PostgresServerTest {

  private static final int THREADS_PER_NODE = 4;
  private static final int RELEASES_PER_THREAD = 40;

  @Test
  void releasesWhenTwoNodesAppendConcurrentlyThenOneLinearVerifiableChain() throws Exception {
    ApiClient technician = newMember("technician");
    String vault = technician.newVault();
    String entry = technician.newTotpEntry(vault, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    try (ConfigurableApplicationContext secondNode = startSecondNode()) {
      int secondPort = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
      ApiClient onSecond = new ApiClient(secondPort, technician.token());
      ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
      List<Future<Integer>> okCounts = new ArrayList<>();
      for (ApiClient node : List.of(technician, onSecond)) {
        for (int t = 0; t < THREADS_PER_NODE; t++) {
          okCounts.add(pool.submit(() -> {
            int ok = 0;
            for (int i = 0; i < RELEASES_PER_THREAD; i++) {
              ok += node.postJson(ApiClient.codePath(vault, entry), "{}").status() == 200 ? 1 : 0;
            }
            return ok;
          }));
        }
      }
      int released = 0;
      for (Future<Integer> count : okCounts) {
        released += count.get();
      }
      pool.shutdown();

      ApiResponse verification = newAuditor("auditor").get("/api/v1/audit/verify");
      assertThat(released).isEqualTo(2 * THREADS_PER_NODE * RELEASES_PER_THREAD);
      assertThat(verification.json().path("valid").asBoolean()).as(verification.body()).isTrue();
      assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE entry_id = :entry AND action = 'code.release'")
          .param("entry", entry).query(Long.class).single()).isEqualTo(released);
      assertThat(jdbc().sql("SELECT MAX(seq) - MIN(seq) + 1 - COUNT(*) FROM audit_event").query(Long.class).single())
          .isZero();
    }
  }

  private static ConfigurableApplicationContext startSecondNode() {
    return new SpringApplicationBuilder(WatchwordApplication.class)
        .properties("watchword.address=127.0.0.1", "server.port=0",
            "watchword.db-url=" + POSTGRES.jdbcUrl(), "watchword.data-dir=" + POSTGRES.dataDir(),
            "spring.flyway.schemas=" + POSTGRES.schema(), "spring.flyway.default-schema=" + POSTGRES.schema(),
            "watchword.audit.checkpoint-every=4",
            "watchword.audit.head-file=" + POSTGRES.dataDir().resolve("audit-head-node2.json"))
        .run();
  }
}
