package dev.watchword.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link OtpauthUri#parse} reads QR codes from anywhere, so it is fuzzed. In a normal build the files in
 * {@code OtpauthUriFuzzTestInputs/<method>/} (plain UTF-8 text) run as regression tests; to fuzz, run
 * {@code JAZZER_FUZZ=1 mvn -pl otp test -Dtest=OtpauthUriFuzzTest}, which also activates the pom's fuzz profile.
 */
class OtpauthUriFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void parseWhenArbitraryInputThenOnlyOtpFormatExceptionAndRoundTrips(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    OtpauthUri parsed;
    try {
      parsed = OtpauthUri.parse(input);
    } catch (OtpFormatException refused) {
      assertThat(refused.parameter()).isNotBlank();
      assertThat(refused.getMessage()).contains(refused.parameter());
      return;
    }
    assertThat(OtpauthUri.parse(parsed.toUri())).isEqualTo(parsed);
    String base32 = parsed.secret().toBase32();
    if (!parsed.issuer().contains(base32) && !parsed.account().contains(base32)) {
      assertThat(parsed.toString()).doesNotContain(base32);
    }
  }
}
