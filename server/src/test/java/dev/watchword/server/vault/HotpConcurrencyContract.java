package dev.watchword.server.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.Hotp;
import dev.watchword.otp.Secret;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** HOTP counters never repeat, however many releases race on one entry. */
public interface HotpConcurrencyContract extends ServerUnderTest {

  int THREADS = 8;
  int RELEASES_PER_THREAD = 100;

  @Test
  default void codeWhenEightThreadsReleaseConcurrentlyThenCountersAreDistinctAndConsecutive() throws Exception {
    ApiClient alice = newMember("alice");
    String vault = alice.postJson("/api/v1/vaults", "{\"name\":\"HOTP race\"}").text("id");
    String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    String entry = alice.postJson("/api/v1/vaults/" + vault + "/entries",
        "{\"account\":\"token\",\"secret\":\"" + secret + "\",\"type\":\"hotp\",\"counter\":0}").text("id");
    String path = "/api/v1/vaults/" + vault + "/entries/" + entry + "/code";

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<ApiResponse>>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      results.add(pool.submit(() -> {
        List<ApiResponse> mine = new ArrayList<>();
        for (int i = 0; i < RELEASES_PER_THREAD; i++) {
          mine.add(alice.postJson(path, "{}"));
        }
        return mine;
      }));
    }
    List<ApiResponse> responses = new ArrayList<>();
    for (Future<List<ApiResponse>> result : results) {
      responses.addAll(result.get(5, TimeUnit.MINUTES));
    }
    pool.shutdown();

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
    List<Long> counters = responses.stream().map(r -> r.json().path("counter").asLong()).sorted().toList();
    assertThat(counters).containsExactlyElementsOf(
        LongStream.range(0, THREADS * RELEASES_PER_THREAD).boxed().toList());
    byte[] key = Secret.fromBase32(secret).bytes();
    assertThat(responses).allSatisfy(r -> assertThat(r.text("code"))
        .isEqualTo(Hotp.generate(HmacAlgorithm.SHA1, key, r.json().path("counter").asLong(), 6)));
    Integer audited = jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE entry_id = :entry AND action = 'code.release'")
        .param("entry", entry).query(Integer.class).single();
    assertThat(audited).isEqualTo(THREADS * RELEASES_PER_THREAD);
    // concurrent appenders still form one linear chain: contiguous numbers, every link verifies
    ApiResponse verification = newAuditor("auditor").get("/api/v1/audit/verify");
    assertThat(verification.json().path("valid").asBoolean()).as(verification.body()).isTrue();
    assertThat(jdbc().sql("SELECT MAX(seq) - MIN(seq) + 1 - COUNT(*) FROM audit_event").query(Long.class).single())
        .isZero();
  }
}
