package dev.watchword.server.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.watchword.server.audit.PriorRelease;
import dev.watchword.otp.OtpType;
import java.time.Instant;
import java.util.List;

/**
 * The response of a code release: for TOTP the step's validity window and who else already got
 * this step's code, for HOTP the counter that was used. The code is redacted from {@code toString()} so it cannot reach a log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleasedCode(String code, String type, Instant validFrom, Instant validUntil, Long counter,
    List<PriorRelease> alreadyReleased) implements ReleaseOutcome {

  /**
   * A time-based code ({@code totp}, or {@code steam} for Steam Guard); {@code alreadyReleased}
   * lists earlier releases of the same time step (so two technicians do not collide on one login),
   * {@code null} when there were none.
   */
  static ReleasedCode timeBased(OtpType type, String code, Instant validFrom, Instant validUntil,
      List<PriorRelease> alreadyReleased) {
    return new ReleasedCode(code, type.lowerName(), validFrom, validUntil, null,
        alreadyReleased.isEmpty() ? null : alreadyReleased);
  }

  static ReleasedCode hotp(String code, long counter) {
    return new ReleasedCode(code, "hotp", null, null, counter, null);
  }

  @Override
  public String toString() {
    return "ReleasedCode[type=" + type + ", code=<redacted>]";
  }
}
