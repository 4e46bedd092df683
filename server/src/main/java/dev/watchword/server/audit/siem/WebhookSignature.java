package dev.watchword.server.audit.siem;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Watchword-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC
 * keyed with the shared secret (its UTF-8 bytes) over {@code t + "." + body}. Signing the time
 * lets a receiver refuse replays: it recomputes the HMAC, compares in constant time, and refuses
 * a {@code t} more than a few minutes from its own clock. Each retry is signed afresh.
 *
 * <p>Guarantee: the secret never leaves this object; {@link #toString()} does not show it.
 */
final class WebhookSignature {

  static final String HEADER = "Watchword-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  WebhookSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The header value for {@code body} sent at {@code unixSeconds}. */
  String header(long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(unixSeconds, body));
  }

  byte[] hmac(long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[HMAC-SHA256, secret redacted]";
  }
}
