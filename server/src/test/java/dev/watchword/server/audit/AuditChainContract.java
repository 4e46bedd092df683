package dev.watchword.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail is tamper-evident: edited, deleted, inserted, reordered and truncated events are
 * found by {@code GET /api/v1/audit/verify}, which names the first sequence number that breaks.
 */
public interface AuditChainContract extends ServerUnderTest {

  String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  default void verifyWhenLogUntouchedThenValidWithContiguousSequence() {
    releaseSome(5);

    JsonNode verification = verify();

    assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("firstBadSeq").asLong(-1)).isEqualTo(-1);
    assertThat(verification.path("events").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(verification.path("checkpoints").asLong()).isPositive();
    List<Long> seqs = jdbc().sql("SELECT seq FROM audit_event ORDER BY seq").query(Long.class).list();
    assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).isEqualTo(seqs.size());
  }

  @Test
  default void verifyWhenAnEventIsEditedThenNamesIt() {
    long seq = releaseSome(3);
    ApiClient auditor = newAuditor("auditor");
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      jdbc().sql("UPDATE audit_event SET reason = 'nothing to see' WHERE seq = :seq").param("seq", seq - 1).update();

      assertBroken(auditor, seq - 1, "altered");
    }
    assertThat(verify(auditor).path("valid").asBoolean()).isTrue();
  }

  @Test
  default void verifyWhenAnEventIsDeletedThenNamesTheGap() {
    long seq = releaseSome(3);
    ApiClient auditor = newAuditor("auditor");
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      jdbc().sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", seq - 1).update();

      assertBroken(auditor, seq - 1, "missing");
    }
  }

  @Test
  default void verifyWhenTwoEventsAreSwappedThenNamesTheFirst() {
    long seq = releaseSome(3);
    ApiClient auditor = newAuditor("auditor");
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      List<java.util.Map<String, Object>> rows = jdbc().sql(
              "SELECT seq, actor_name, action, detail, prev_hash, hash FROM audit_event WHERE seq IN (:a, :b) ORDER BY seq")
          .param("a", seq - 2).param("b", seq - 1).query().listOfRows();
      for (int i = 0; i < 2; i++) {
        var other = rows.get(1 - i);
        jdbc().sql("UPDATE audit_event SET actor_name = :actor, action = :action, detail = :detail,"
                + " prev_hash = :prev, hash = :hash WHERE seq = :seq")
            .param("actor", other.get("actor_name")).param("action", other.get("action"))
            .param("detail", other.get("detail")).param("prev", other.get("prev_hash"))
            .param("hash", other.get("hash")).param("seq", rows.get(i).get("seq")).update();
      }

      assertBroken(auditor, seq - 2, "altered");
    }
  }

  @Test
  default void verifyWhenAnEventIsAddedAfterTheHeadThenFindsIt() {
    long seq = releaseSome(1);
    ApiClient auditor = newAuditor("auditor");
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      jdbc().sql("""
              INSERT INTO audit_event (seq, at, actor_name, action, decision, prev_hash, hash)
              SELECT seq + 1, at, 'ghost', 'code.release', 'allow', hash, hash FROM audit_event WHERE seq = :seq""")
          .param("seq", seq).update();

      assertBroken(auditor, seq + 1, "outside the chain");
    }
  }

  @Test
  default void verifyWhenNewestEventsAreDeletedThenTheHeadGivesItAway() {
    long seq = releaseSome(3);
    ApiClient auditor = newAuditor("auditor");
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      jdbc().sql("DELETE FROM audit_event WHERE seq > :keep").param("keep", seq - 2).update();

      assertBroken(auditor, seq - 1, "deleted");
    }
  }

  @Test
  default void verifyWhenNewestEventsAfterTheLastCheckpointAreDeletedAndTheHeadRolledBackThenTheHeadFileGivesItAway() {
    long seq = releaseSome(1);
    ApiClient auditor = newAuditor("auditor");
    long lastCheckpoint = jdbc().sql("SELECT MAX(seq) FROM audit_checkpoint").query(Long.class).single();
    assertThat(verify(auditor).path("headFile").asString()).isEqualTo("verified");
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      long keep = seq - 1;
      jdbc().sql("DELETE FROM audit_event WHERE seq > :keep").param("keep", keep).update();
      jdbc().sql("DELETE FROM audit_checkpoint WHERE seq > :keep").param("keep", keep).update();
      jdbc().sql("UPDATE audit_head SET seq = :keep, hash = (SELECT hash FROM audit_event WHERE seq = :keep)")
          .param("keep", keep).update();

      assertBroken(auditor, seq, "head file vouches for seq " + seq);
    }
    assertThat(lastCheckpoint).isPositive();
  }

  @Test
  default void verifyWhenNewestEventsHeadAndCheckpointsAreRolledBackThenTheHeadFileGivesItAway() throws Exception {
    releaseSome(6);
    JsonNode headFile = ApiClient.parse(Files.readString(dataDir().resolve("audit-head.json")));
    long vouched = headFile.path("seq").asLong();
    assertThat(vouched).isPositive();
    ApiClient auditor = newAuditor("auditor");
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      long keep = vouched - 1;
      jdbc().sql("DELETE FROM audit_event WHERE seq > :keep").param("keep", keep).update();
      jdbc().sql("DELETE FROM audit_checkpoint WHERE seq > :keep").param("keep", keep).update();
      jdbc().sql("UPDATE audit_head SET seq = :keep, hash = (SELECT hash FROM audit_event WHERE seq = :keep)")
          .param("keep", keep).update();

      assertBroken(auditor, vouched, "head file");
    }
  }

  @Test
  default void offlineVerifyWhenIntactThenExitZeroAndWhenEditedThenExitOneNamingTheSeq() {
    long seq = releaseSome(2);
    Offline intact = Offline.run(offlineAuditArgs());
    Offline altered;
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      jdbc().sql("UPDATE audit_event SET actor_name = 'someone else' WHERE seq = :seq").param("seq", seq).update();
      altered = Offline.run(offlineAuditArgs());
    }

    assertThat(intact.status()).as(intact.out() + intact.err()).isZero();
    assertThat(intact.out()).startsWith("audit log intact: ");
    assertThat(altered.status()).isEqualTo(1);
    assertThat(altered.out()).contains("ALTERED at seq " + seq);
  }

  @Test
  default void offlineVerifyWhenKeyIsMissingThenExitTwo() {
    Offline run = Offline.run(List.of("--data-dir", dataDir().resolve("no-such-dir").toString()));

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("master key");
  }

  /** One run of the offline verifier with its output. */
  record Offline(int status, String out, String err) {
    static Offline run(List<String> args) {
      var out = new java.io.ByteArrayOutputStream();
      var err = new java.io.ByteArrayOutputStream();
      int status = OfflineAuditVerify.run(args, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
      return new Offline(status, out.toString(), err.toString());
    }
  }

  @Test
  default void retentionWhenOldEventsArePrunedThenAnAnchorKeepsTheRestVerifiableAndTheAnchorIsProtected() {
    releaseSome(3);
    ApiClient auditor = newAuditor("auditor");
    clock().advance(java.time.Duration.ofSeconds(1));

    long pruned = bean(AuditRetention.class).pruneBefore(clock().instant());
    releaseSome(2);
    JsonNode afterPruning = verify(auditor);

    assertThat(pruned).isPositive();
    assertThat(afterPruning.path("valid").asBoolean()).as(afterPruning.toString()).isTrue();
    assertThat(afterPruning.path("firstSeq").asLong()).isGreaterThan(1);
    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_checkpoint WHERE kind = 'anchor'").query(Long.class).single())
        .isEqualTo(1);
    long anchor = jdbc().sql("SELECT seq FROM audit_checkpoint WHERE kind = 'anchor'").query(Long.class).single();
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      jdbc().sql("DELETE FROM audit_checkpoint WHERE kind = 'anchor'").update();

      assertBroken(auditor, 1, "missing");
    }
    try (AuditTables original = AuditTables.snapshot(jdbc())) {
      // A signed checkpoint may sit right after the anchor (cadence 4 in tests): make room for the move;
      // the moved anchor's signature is checked, and fails, before any checkpoint is looked at.
      jdbc().sql("DELETE FROM audit_checkpoint WHERE seq = :next AND kind <> 'anchor'").param("next", anchor + 1)
          .update();
      jdbc().sql("UPDATE audit_checkpoint SET seq = seq + 1 WHERE kind = 'anchor'").update();
      jdbc().sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", anchor + 1).update();

      assertBroken(auditor, anchor + 1, "anchor");
    }
  }

  @Test
  default void verifyWhenCallerIsNotAnAuditReaderThenForbidden() {
    ApiResponse member = newMember("nosy").get("/api/v1/audit/verify");
    ApiResponse auditor = newAuditor("auditor").get("/api/v1/audit/verify");

    assertThat(member.status()).isEqualTo(403);
    assertThat(member.text("type")).endsWith("/audit-role-required");
    assertThat(auditor.status()).isEqualTo(200);
  }

  @Test
  default void appendWhenSomeAppendsOfATransactionRollBackToTheirSavepointsThenTheChainHasNoGapAndVerifies() {
    PlatformTransactionManager transactions = bean(PlatformTransactionManager.class);
    TransactionTemplate savepoint = new TransactionTemplate(transactions);
    savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    AuditLog log = bean(AuditLog.class);
    long before = jdbc().sql("SELECT seq FROM audit_head").query(Long.class).single();

    // As in a group commit: the first unit claims the head and is undone, claim and all; a later
    // unit is undone after two appends; the head goes back with the savepoint each time.
    new TransactionTemplate(transactions).executeWithoutResult(batch -> {
      undone(savepoint, () -> log.record(testEvent("undone 1")));
      savepoint.executeWithoutResult(unit -> log.record(testEvent("kept 1")));
      undone(savepoint, () -> {
        log.record(testEvent("undone 2"));
        log.record(testEvent("undone 3"));
      });
      savepoint.executeWithoutResult(unit -> log.record(testEvent("kept 2")));
    });
    bean(HeadPublisher.class).flush();

    assertThat(jdbc().sql("SELECT seq, detail FROM audit_event WHERE seq > :before ORDER BY seq")
        .param("before", before).query((rs, n) -> rs.getLong("seq") + " " + rs.getString("detail")).list())
        .containsExactly((before + 1) + " kept 1", (before + 2) + " kept 2");
    assertThat(jdbc().sql("SELECT seq FROM audit_head").query(Long.class).single()).isEqualTo(before + 2);
    JsonNode verification = verify();
    assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("headFile").asString()).isEqualTo("verified");
  }

  @Test
  default void groupCommitWhenOneUnitOfABatchFailsInSqlAfterAppendingThenOnlyItIsUndone() throws Exception {
    GroupCommit groupCommit = bean(GroupCommit.class);
    AuditLog log = bean(AuditLog.class);
    long before = jdbc().sql("SELECT seq FROM audit_head").query(Long.class).single();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      // The first unit holds the writer, so the three after it queue up and share the next batch.
      var holding = callers.submit(() -> groupCommit.run(() -> {
        awaitQuietly(release);
        log.record(testEvent("kept 0"));
        return null;
      }));
      Thread.sleep(100);
      var kept1 = callers.submit(() -> groupCommit.run(() -> {
        log.record(testEvent("kept 1"));
        return null;
      }));
      // On PostgreSQL a failed statement aborts the whole transaction unless rolled back to a savepoint.
      var failing = callers.submit(() -> groupCommit.run(() -> {
        log.record(testEvent("undone"));
        return jdbc().sql("SELECT no_such_column FROM audit_head").query(Long.class).single();
      }));
      var kept2 = callers.submit(() -> groupCommit.run(() -> {
        log.record(testEvent("kept 2"));
        return null;
      }));
      Thread.sleep(300);
      release.countDown();

      holding.get(10, java.util.concurrent.TimeUnit.SECONDS);
      kept1.get(10, java.util.concurrent.TimeUnit.SECONDS);
      kept2.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThatThrownBy(() -> failing.get(10, java.util.concurrent.TimeUnit.SECONDS))
          .hasCauseInstanceOf(org.springframework.dao.DataAccessException.class);
    } finally {
      callers.shutdownNow();
    }
    bean(HeadPublisher.class).flush();

    assertThat(jdbc().sql("SELECT detail FROM audit_event WHERE seq > :before ORDER BY seq")
        .param("before", before).query(String.class).list())
        .hasSize(3).contains("kept 0", "kept 1", "kept 2");
    assertThat(jdbc().sql("SELECT seq FROM audit_head").query(Long.class).single()).isEqualTo(before + 3);
    JsonNode verification = verify();
    assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  default void recordWhenCallerHoldsNoTransactionThenRefusesAndWritesNothing() {
    long before = jdbc().sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();

    assertThatThrownBy(() -> bean(AuditLog.class).record(testEvent("outside a transaction")))
        .isInstanceOf(IllegalTransactionStateException.class);

    assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isEqualTo(before);
  }

  private static void undone(TransactionTemplate savepoint, Runnable appends) {
    assertThatThrownBy(() -> savepoint.executeWithoutResult(unit -> {
      appends.run();
      throw new IllegalStateException("this unit fails");
    })).hasMessage("this unit fails");
  }

  private static AuditEvent testEvent(String detail) {
    return new AuditEvent(null, "test", "test.savepoint", null, null, Decision.ALLOW, null, null, detail);
  }

  /** Releases {@code count} codes and returns the sequence number of the last audit event. */
  private long releaseSome(int count) {
    ApiClient technician = newMember("technician");
    String vault = technician.newVault();
    String entry = technician.newTotpEntry(vault, SECRET);
    for (int i = 0; i < count; i++) {
      assertThat(technician.postJson(ApiClient.codePath(vault, entry), "{}").status()).isEqualTo(200);
    }
    bean(HeadPublisher.class).flush();
    return jdbc().sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();
  }

  private JsonNode verify() {
    return verify(newAuditor("auditor"));
  }

  private static JsonNode verify(ApiClient auditor) {
    ApiResponse response = auditor.get("/api/v1/audit/verify");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static void assertBroken(ApiClient auditor, long firstBadSeq, String problem) {
    JsonNode verification = verify(auditor);
    assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isFalse();
    assertThat(verification.path("firstBadSeq").asLong()).as(verification.toString()).isEqualTo(firstBadSeq);
    assertThat(verification.path("problem").asString()).contains(problem);
  }
}
