package dev.watchword.server.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The response of a code release: for TOTP the step's validity window, for HOTP the counter
 * that was used. The code is redacted from {@code toString()} so it cannot reach a log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReleasedCode(String code, String type, Instant validFrom, Instant validUntil, Long counter) {

  static ReleasedCode totp(String code, Instant validFrom, Instant validUntil) {
    return new ReleasedCode(code, "totp", validFrom, validUntil, null);
  }

  static ReleasedCode hotp(String code, long counter) {
    return new ReleasedCode(code, "hotp", null, null, counter);
  }

  @Override
  public String toString() {
    return "ReleasedCode[type=" + type + ", code=<redacted>]";
  }
}
