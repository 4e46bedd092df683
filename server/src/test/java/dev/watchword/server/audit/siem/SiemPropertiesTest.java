package dev.watchword.server.audit.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watchword.server.audit.siem.SiemProperties.SyslogSettings;
import dev.watchword.server.audit.siem.SiemProperties.WebhookSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SiemPropertiesTest {

  private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t";

  @Test
  void constructorWhenNothingConfiguredThenEverySinkOffWithDefaults() {
    SiemProperties properties = new SiemProperties(null, null, null, null, null, null, null);

    assertThat(properties.syslog().enabled()).isFalse();
    assertThat(properties.webhook().enabled()).isFalse();
    assertThat(properties.file().enabled()).isFalse();
    assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(properties.batchSize()).isEqualTo(500);
    assertThat(properties.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void syslogWhenOnlyHostGivenThenTlsOnPort6514WithAuthpriv() {
    SyslogSettings syslog = new SyslogSettings(true, "siem.example.org", null, null, null, null, null, null);

    assertThat(syslog.tls()).isTrue();
    assertThat(syslog.port()).isEqualTo(6514);
    assertThat(syslog.facility()).isEqualTo("authpriv");
    assertThat(new SyslogSettings(true, "h", null, false, null, null, null, null).port()).isEqualTo(514);
  }

  @Test
  void webhookWhenSecretIsShortThenRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> new WebhookSettings(true, URI.create("https://siem.example.org/in"), "short-secret",
        null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short-secret");
  }

  @Test
  void webhookWhenPlainHttpToRemoteHostOrCredentialsInUrlThenRefused() {
    assertThatThrownBy(() -> new WebhookSettings(true, URI.create("http://siem.example.org/in"), SECRET, null, null,
        null)).hasMessageContaining("https");
    assertThatThrownBy(() -> new WebhookSettings(true, URI.create("https://user:pw@siem.example.org/in"), SECRET,
        null, null, null)).hasMessageContaining("credentials").hasMessageNotContaining("pw");
    assertThat(new WebhookSettings(true, URI.create("http://127.0.0.1:9/in"), SECRET, null, null, null).enabled())
        .isTrue();
    assertThat(new WebhookSettings(true, URI.create("http://[::1]:9/in"), SECRET, null, null, null).enabled())
        .isTrue();
  }

  @Test
  void toStringWhenWebhookConfiguredThenSecretAndUrlPathAreRedacted() {
    WebhookSettings webhook = new WebhookSettings(true, URI.create("https://siem.example.org/in?token=abc"), SECRET,
        null, null, null);

    assertThat(webhook.toString()).doesNotContain(SECRET).doesNotContain("token=abc").contains("siem.example.org");
    assertThat(new SiemProperties(null, null, null, null, null, webhook, null).toString()).doesNotContain(SECRET);
  }

  @Test
  void constructorWhenBatchSizeOutOfRangeThenRefused() {
    assertThatThrownBy(() -> new SiemProperties(null, 1001, null, null, null, null, null))
        .hasMessageContaining("batch-size");
  }
}
