package dev.watchword.server.audit.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every sink delivers the whole trail at least once, in order, to real receivers on loopback,
 * through receiver outages, loop restarts and a crash between delivery and the cursor's commit.
 */
public interface SiemContract extends ServerUnderTest {

  Duration PATIENCE = Duration.ofSeconds(30);
  JsonMapper JSON = JsonMapper.builder().build();

  SiemReceivers receivers();

  default SinkDeliveries deliveries() {
    return bean(SinkDeliveries.class);
  }

  default SinkCursors cursors() {
    return bean(SinkCursors.class);
  }

  default AuditLog auditLog() {
    return bean(AuditLog.class);
  }

  default TransactionTemplate transactions() {
    return bean(TransactionTemplate.class);
  }

  /** Appends {@code count} events by an actor named after {@code tag}; the last one denied. Returns their seqs. */
  default List<Long> append(String tag, int count) {
    String actor = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < count; i++) {
      Decision decision = i == count - 1 ? Decision.DENY : Decision.ALLOW;
      AuditEvent event = new AuditEvent(null, actor, "siem.test", null, null, decision, "n=" + i,
          new RequestOrigin("192.0.2.7", "test", "s-" + i), null).withRule(i == count - 1 ? "office-hours" : null);
      transactions().executeWithoutResult(status -> auditLog().record(event));
    }
    return jdbc().sql("SELECT seq FROM audit_event WHERE actor_name = :actor ORDER BY seq").param("actor", actor)
        .query(Long.class).list();
  }

  @Test
  default void syslogWhenEventsAppendedThenRsyslogParsesEachAsRfc5424WithStructuredDataOverTls() {
    Rsyslog rsyslog = Rsyslog.shared();
    String actor = "q\"uote\\back]slash";
    List<Long> seqs = append(actor, 3);

    await().atMost(PATIENCE).until(() -> syslogSeqs(rsyslog).containsAll(seqs));

    List<Rsyslog.Line> lines = rsyslog.lines().stream().filter(l -> l.hostname().equals(receivers().hostname))
        .filter(l -> seqs.contains(seqOf(l))).toList();
    assertThat(lines).extracting(SiemContract::seqOf).containsAll(seqs);
    for (Rsyslog.Line line : lines) {
      Matcher message = SyslogFormatTest.parse(line.message());
      boolean denied = seqOf(line) == seqs.get(2);
      assertThat(message.group("pri")).isEqualTo(denied ? "84" : "85");
      assertThat(line.appName()).isEqualTo("watchword");
      assertThat(line.msgId()).isEqualTo("siem.test");
      assertThat(line.structuredData()).startsWith("[watchword@32473 seq=\"" + seqOf(line) + "\" actor=\"q\\\"uote\\\\back\\]slash-")
          .contains(" action=\"siem.test\"", " ip=\"192.0.2.7\"", " decision=\"" + (denied ? "deny" : "allow") + "\"");
      JsonNode json = JSON.readTree(line.msg());
      assertThat(json.path("seq").asLong()).isEqualTo(seqOf(line));
      assertThat(json.path("actor").asString()).startsWith(actor);
    }
    assertThat(lines.stream().filter(l -> seqOf(l) == seqs.get(2)).findFirst().orElseThrow().structuredData())
        .contains(" rule=\"office-hours\"");
  }

  @Test
  default void syslogWhenReceiverRestartsThenNoEventIsLost() {
    Rsyslog rsyslog = Rsyslog.shared();
    List<Long> before = append("before-restart", 2);
    await().atMost(PATIENCE).until(() -> syslogSeqs(rsyslog).containsAll(before));

    rsyslog.stop();
    try {
      List<Long> during = append("during-restart", 3);
      await().atMost(PATIENCE).until(() -> status("syslog").state().equals("retrying"));
      assertThat(status("syslog").lag()).isPositive();
      assertThat(status("syslog").lastError()).contains("syslog 127.0.0.1:");

      rsyslog.start();
      List<Long> after = append("after-restart", 2);

      await().atMost(PATIENCE).until(() -> syslogSeqs(rsyslog).containsAll(during)
          && syslogSeqs(rsyslog).containsAll(after));
    } finally {
      rsyslog.start();
    }
    await().atMost(PATIENCE).until(() -> status("syslog").state().equals("running"));
    assertEveryEventUpToHeadArrived(syslogSeqs(rsyslog));
  }

  @Test
  default void webhookWhenReceiverFailsThenRecoversThenEveryEventArrivesSignedInOrder() {
    WebhookReceiver webhook = receivers().webhook;
    webhook.failWith(503, null);
    List<Long> during;
    try {
      int requests = webhook.requests();
      during = append("webhook-outage", 10);
      await().atMost(PATIENCE).until(() -> webhook.requests() >= requests + 3); // retried with backoff
      SinkStatus down = status("webhook");
      assertThat(down.state()).isEqualTo("retrying");
      assertThat(down.lastError()).contains("503").doesNotContain(WebhookReceiver.SECRET);
      assertThat(down.lag()).isGreaterThanOrEqualTo(10);
    } finally {
      webhook.recover();
    }

    await().atMost(PATIENCE).until(() -> webhook.seqs().containsAll(during));

    assertThat(webhook.refusedSignatures()).isEmpty();
    assertFirstArrivalsInOrder(webhook.seqs());
    assertEveryEventUpToHeadArrived(webhook.seqs());
    await().atMost(PATIENCE).until(() -> status("webhook").lastError() == null);
  }

  @Test
  default void webhookWhenReceiverRefusesWith400ThenHaltedWithEventsKeptUntilRestart() {
    WebhookReceiver webhook = receivers().webhook;
    webhook.failWith(400, null);
    List<Long> refused;
    try {
      refused = append("webhook-refused", 2);
      await().atMost(PATIENCE).until(() -> status("webhook").state().equals("halted"));
      int requests = webhook.requests();
      SinkStatus halted = status("webhook");
      assertThat(halted.lastError()).contains("answered 400");
      assertThat(halted.cursor()).isLessThan(refused.get(0));
      await().during(Duration.ofMillis(600)).atMost(PATIENCE).until(() -> webhook.requests() == requests);
    } finally {
      webhook.recover();
    }

    deliveries().restart("webhook");

    await().atMost(PATIENCE).until(() -> webhook.seqs().containsAll(refused));
    assertEveryEventUpToHeadArrived(webhook.seqs());
  }

  @Test
  default void fileWhenDeliveryLoopRestartsThenEveryEventIsOneJsonLine() throws Exception {
    List<Long> first = append("file-first", 3);
    await().atMost(PATIENCE).until(() -> fileSeqs().containsAll(first));

    deliveries().stop("file");
    List<Long> whileStopped = append("file-stopped", 9);
    Thread.sleep(300);
    assertThat(fileSeqs()).doesNotContainAnyElementsOf(whileStopped);
    assertThat(status("file").state()).isEqualTo("stopped");
    assertThat(status("file").lag()).isGreaterThanOrEqualTo(9);
    deliveries().restart("file");

    await().atMost(PATIENCE).until(() -> fileSeqs().containsAll(whileStopped));
    assertFirstArrivalsInOrder(fileSeqs());
    assertEveryEventUpToHeadArrived(fileSeqs());
  }

  @Test
  default void deliveryWhenCrashBetweenDeliveryAndCursorCommitThenRestartResumesWithoutLoss() {
    String name = "crash-" + UUID.randomUUID();
    List<Long> appended = append("crash", 3);
    RecordingSink crashed = new RecordingSink(name, true);
    SinkDelivery beforeCrash = deliveries().delivery(crashed);

    assertThat(beforeCrash.step()).isEqualTo(SinkDelivery.Outcome.RETRYING);
    assertThat(crashed.received()).isNotEmpty().hasSizeLessThanOrEqualTo(7); // a batch reached the receiver...
    assertThat(cursors().cursor(name)).isZero(); // ...but the cursor did not move

    RecordingSink resumed = new RecordingSink(name, false);
    SinkDelivery afterRestart = deliveries().delivery(resumed);
    SinkDelivery.Outcome outcome;
    do {
      outcome = afterRestart.step();
    } while (outcome == SinkDelivery.Outcome.DELIVERED_FULL);

    assertThat(outcome).isIn(SinkDelivery.Outcome.DELIVERED, SinkDelivery.Outcome.IDLE);
    assertThat(resumed.received()).startsWith(crashed.received().toArray(Long[]::new)); // delivered again
    assertThat(resumed.received()).containsAll(appended).doesNotHaveDuplicates().isSorted();
    assertEveryEventUpToHeadArrived(resumed.received());
    assertThat(cursors().cursor(name)).isEqualTo(resumed.received().get(resumed.received().size() - 1));
  }

  @Test
  default void sinksWhenAuditorAsksThenEachSinkWithCursorAndLagAndMembersAreRefused() {
    List<Long> appended = append("status", 1);
    await().atMost(PATIENCE).until(() -> status("file").cursor() >= appended.get(0));

    ApiResponse auditor = newAuditor("sink-auditor").get("/api/v1/audit/sinks");
    ApiResponse member = newMember("sink-member").get("/api/v1/audit/sinks");

    assertThat(auditor.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    for (JsonNode sink : auditor.json().path("sinks")) {
      names.add(sink.path("sink").asString());
      assertThat(sink.path("lag").asLong()).isEqualTo(sink.path("head").asLong() - sink.path("cursor").asLong());
      assertThat(sink.path("head").asLong()).isGreaterThanOrEqualTo(appended.get(0));
    }
    assertThat(names).contains("webhook", "file");
    assertThat(auditor.body()).doesNotContain(WebhookReceiver.SECRET).doesNotContain("/siem/in");
    assertThat(member.status()).isEqualTo(403);
  }

  private SinkStatus status(String sink) {
    return deliveries().statuses().stream().filter(s -> s.sink().equals(sink)).findFirst().orElseThrow();
  }

  private List<Long> syslogSeqs(Rsyslog rsyslog) {
    return rsyslog.lines().stream().filter(l -> l.hostname().equals(receivers().hostname))
        .map(SiemContract::seqOf).toList();
  }

  private List<Long> fileSeqs() {
    try {
      if (!Files.exists(receivers().file)) {
        return List.of();
      }
      return Files.readAllLines(receivers().file, StandardCharsets.UTF_8).stream()
          .map(line -> JSON.readTree(line).path("seq").asLong()).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long seqOf(Rsyslog.Line line) {
    Matcher seq = java.util.regex.Pattern.compile("seq=\"(\\d+)\"").matcher(line.structuredData());
    return seq.find() ? Long.parseLong(seq.group(1)) : -1;
  }

  /** Duplicates are allowed (at least once); the first arrival of each event follows the sequence. */
  private static void assertFirstArrivalsInOrder(List<Long> arrivals) {
    List<Long> firsts = arrivals.stream().distinct().toList();
    assertThat(firsts).isSorted();
  }

  /** Every event the trail holds (this server's and any other's on the same database) arrived. */
  private void assertEveryEventUpToHeadArrived(List<Long> arrivals) {
    List<Long> stored = jdbc().sql("SELECT seq FROM audit_event WHERE seq <= :max ORDER BY seq")
        .param("max", arrivals.stream().mapToLong(Long::longValue).max().orElse(0)).query(Long.class).list();
    assertThat(stored).isNotEmpty();
    assertThat(arrivals).containsAll(stored);
  }
}
