package dev.watchword.otp;

import static dev.watchword.otp.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

  private static final Instant RFC_6238_T_1111111109 = Instant.ofEpochSecond(1_111_111_109L);

  @Test
  void windowWhenInsideStepThenRunsFromStepStartToNextStepStart() {
    TotpWindow window = Totp.window(Instant.ofEpochSecond(59), 30);

    assertThat(window.step()).isEqualTo(1);
    assertThat(window.validFrom()).isEqualTo(Instant.ofEpochSecond(30));
    assertThat(window.validUntil()).isEqualTo(Instant.ofEpochSecond(60));
  }

  @Test
  void windowWhenOnStepBoundaryThenNextStepHasBegun() {
    Instant boundary = Instant.ofEpochSecond(60);
    TotpWindow window = Totp.window(boundary, 30);

    assertThat(window.step()).isEqualTo(2);
    assertThat(window.validFrom()).isEqualTo(boundary);
    assertThat(window.validUntil()).isEqualTo(Instant.ofEpochSecond(90));
  }

  @Test
  void windowWhenLastNanosecondOfStepThenStillThatStep() {
    TotpWindow window = Totp.window(Instant.ofEpochSecond(59, 999_999_999), 30);

    assertThat(window.step()).isEqualTo(1);
    assertThat(window.contains(Instant.ofEpochSecond(59, 999_999_999))).isTrue();
    assertThat(window.contains(window.validUntil())).isFalse();
    assertThat(window.contains(window.validFrom())).isTrue();
  }

  @Test
  void windowWhenPeriodIsOneSecondThenEverySecondIsAStep() {
    Instant at = Instant.ofEpochSecond(1_700_000_000L, 500_000_000);

    TotpWindow window = Totp.window(at, 1);

    assertThat(window.step()).isEqualTo(1_700_000_000L);
    assertThat(window.validFrom()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(window.validUntil()).isEqualTo(Instant.ofEpochSecond(1_700_000_001L));
  }

  @Test
  void windowWhenPeriodIs3600ThenStepIsTheHour() {
    TotpWindow window = Totp.window(Instant.parse("2024-05-01T10:59:59Z"), 3600);

    assertThat(window.validFrom()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(window.validUntil()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
    assertThat(window.step()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z").getEpochSecond() / 3600);
  }

  @Test
  void generateWhenSameWindowThenSameCodeAndNextWindowDiffers() {
    byte[] key = RfcSeeds.sha1();
    String first = Totp.generate(HmacAlgorithm.SHA1, key, Instant.ofEpochSecond(3600), 3600, 6);

    assertThat(Totp.generate(HmacAlgorithm.SHA1, key, Instant.ofEpochSecond(7199), 3600, 6)).isEqualTo(first);
    assertThat(Totp.generate(HmacAlgorithm.SHA1, key, Instant.ofEpochSecond(7200), 3600, 6)).isNotEqualTo(first);
  }

  /** RFC 6238 Appendix B gives 07081804 here; its last six digits keep the leading zero. */
  @Test
  void generateWhenCodeStartsWithZeroThenZeroPadded() {
    assertThat(Totp.generate(HmacAlgorithm.SHA1, RfcSeeds.sha1(), RFC_6238_T_1111111109, 30, 8)).isEqualTo("07081804");
    assertThat(Totp.generate(HmacAlgorithm.SHA1, RfcSeeds.sha1(), RFC_6238_T_1111111109, 30, 6)).isEqualTo("081804");
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -30, 0, 3601, Integer.MAX_VALUE})
  void totpParametersWhenPeriodOutsideOneTo3600ThenRefusedNamingPeriod(int period) {
    assertRefused(() -> OtpParameters.totp(HmacAlgorithm.SHA1, 6, period), "period");
    assertRefused(() -> Totp.generate(HmacAlgorithm.SHA1, RfcSeeds.sha1(), Instant.EPOCH, period, 6), "period");
    assertRefused(() -> Totp.window(Instant.EPOCH, period), "period");
  }

  @Test
  void timeStepWhenBeforeUnixEpochThenRefusedNamingTime() {
    assertRefused(() -> Totp.timeStep(Instant.ofEpochSecond(-1), 30), "time");
    assertRefused(() -> Totp.timeStep(Instant.MIN, 30), "time");
  }

  @Test
  void timeStepWhenAtEpochThenZero() {
    assertThat(Totp.timeStep(Instant.EPOCH, 30)).isZero();
  }

  @Test
  void timeStepWhenNullOrBeyondInstantRangeThenRefusedNamingTime() {
    assertRefused(() -> Totp.timeStep(null, 30), "time");
    assertRefused(() -> Totp.window(Instant.MAX, 3600), "time");
  }
}
