package dev.watchword.server.audit.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook sink against a real HTTP receiver on loopback. */
class WebhookSinkTest {

  private final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterEach
  void stop() {
    receiver.close();
  }

  private WebhookSink sink(URI url) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    return new WebhookSink(url, new WebhookSignature(WebhookReceiver.SECRET), client, Duration.ofSeconds(5),
        Clock.systemUTC());
  }

  private static DeliveryException failure(Runnable delivery) {
    try {
      delivery.run();
    } catch (DeliveryException e) {
      return e;
    }
    throw new AssertionError("delivery succeeded");
  }

  @Test
  void deliverWhenReceiverAcceptsThenSignedBatchArrivesInOrder() {
    sink(receiver.url()).deliver(List.of(TestEvents.event(1).build(), TestEvents.event(2).actor("Zoë").build()));

    assertThat(receiver.seqs()).containsExactly(1L, 2L);
    assertThat(receiver.events().get(1).path("actor").asString()).isEqualTo("Zoë");
    assertThat(receiver.refusedSignatures()).isEmpty();
  }

  @Test
  void deliverWhenReceiverAnswers503ThenTransient() {
    receiver.failWith(503, null);

    assertThat(failure(() -> sink(receiver.url())
        .deliver(List.of(TestEvents.event(1).build()))))
        .matches(e -> !e.permanent(), "transient")
        .extracting(Throwable::getMessage).asString().contains("503").doesNotContain("/siem/in");
  }

  @Test
  void deliverWhenReceiverAnswers429WithRetryAfterThenTransientWithThatWait() {
    receiver.failWith(429, "7");

    assertThat(failure(() -> sink(receiver.url())
        .deliver(List.of(TestEvents.event(1).build()))))
        .matches(e -> !e.permanent(), "transient")
        .matches(e -> e.retryAfter().equals(java.util.Optional.of(Duration.ofSeconds(7))), "Retry-After 7 s");
  }

  @Test
  void deliverWhenReceiverAnswers400Or401ThenPermanent() {
    for (int status : new int[] {400, 401, 404, 413}) {
      receiver.failWith(status, null);

      assertThat(failure(() -> sink(receiver.url())
        .deliver(List.of(TestEvents.event(1).build()))))
          .matches(DeliveryException::permanent, "permanent on " + status);
    }
  }

  @Test
  void deliverWhenReceiverAnswers408ThenTransient() {
    receiver.failWith(408, null);

    assertThat(failure(() -> sink(receiver.url())
        .deliver(List.of(TestEvents.event(1).build()))))
        .matches(e -> !e.permanent(), "transient");
  }

  @Test
  void deliverWhenReceiverRedirectsThenNotFollowedAndPermanent() {
    receiver.failWith(307, null);

    assertThat(failure(() -> sink(receiver.url())
        .deliver(List.of(TestEvents.event(1).build()))))
        .matches(DeliveryException::permanent, "permanent");
    assertThat(receiver.requests()).isEqualTo(1);
  }

  @Test
  void deliverWhenNothingListensThenTransient() {
    URI closed = receiver.url();
    receiver.close();

    assertThat(failure(() -> sink(closed)
        .deliver(List.of(TestEvents.event(1).build()))))
        .matches(e -> !e.permanent(), "transient")
        .extracting(Throwable::getMessage).asString().contains("http://127.0.0.1:");
  }

  @Test
  void retryAfterWhenSecondsOrHttpDateThenThatWaitCappedAtOneHour() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");

    assertThat(WebhookSink.retryAfter("120", now)).contains(Duration.ofMinutes(2));
    assertThat(WebhookSink.retryAfter("Sun, 01 Mar 2026 12:00:30 GMT", now)).contains(Duration.ofSeconds(30));
    assertThat(WebhookSink.retryAfter("Sun, 01 Mar 2026 11:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(WebhookSink.retryAfter("999999", now)).contains(Duration.ofHours(1));
    assertThat(WebhookSink.retryAfter("soon", now)).isEmpty();
  }
}
