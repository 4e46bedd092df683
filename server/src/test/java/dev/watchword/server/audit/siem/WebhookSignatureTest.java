package dev.watchword.server.audit.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void headerWhenSignedThenHmacSha256OverTimestampDotBody() {
    // printf '%s' '1700000000.{"events":[]}' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
    String header = new WebhookSignature(SECRET).header(1_700_000_000L,
        "{\"events\":[]}".getBytes(StandardCharsets.UTF_8));

    assertThat(header).isEqualTo("t=1700000000,v1=df29826f9365a4c39eb569c867ae31fb39108dee0a0b3e4bcf09f11a0ba43081");
  }

  @Test
  void headerWhenTimestampDiffersThenSignatureDiffers() {
    byte[] body = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
    WebhookSignature signature = new WebhookSignature(SECRET);

    assertThat(signature.header(1_700_000_001L, body).substring(13))
        .isNotEqualTo(signature.header(1_700_000_000L, body).substring(13));
  }

  @Test
  void toStringWhenPrintedThenSecretIsNotShown() {
    assertThat(new WebhookSignature(SECRET).toString()).doesNotContain(SECRET).contains("redacted");
  }
}
