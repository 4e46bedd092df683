package dev.watchword.otp;

import static dev.watchword.otp.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The Steam Guard forms of otpauth URIs that real apps write. */
class OtpauthUriSteamTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // Aegis
      "otpauth://steam/Steam:alice?secret=JBSWY3DPEHPK3PXP&issuer=Steam&algorithm=SHA1&digits=5&period=30",
      // KeePassXC
      "otpauth://totp/Steam:alice?secret=JBSWY3DPEHPK3PXP&period=30&digits=5&issuer=Steam&encoder=steam",
      "otpauth://totp/Valve:alice?secret=JBSWY3DPEHPK3PXP&issuer=Valve&encoder=steam",
      // issuer Steam with 5 digits and no encoder
      "otpauth://totp/Steam:alice?secret=JBSWY3DPEHPK3PXP&digits=5",
  })
  void parseWhenSteamFormThenSteamTypeAndRoundTrips(String uri) {
    OtpauthUri parsed = OtpauthUri.parse(uri);
    assertThat(parsed.type()).isEqualTo(OtpType.STEAM);
    assertThat(parsed.parameters()).isEqualTo(OtpParameters.steam(30));
    assertThat(parsed.account()).isEqualTo("alice");
    assertThat(parsed.toUri()).startsWith("otpauth://totp/").contains("&digits=5").endsWith("&encoder=steam");
    assertThat(OtpauthUri.parse(parsed.toUri())).isEqualTo(parsed);
  }

  @Test
  void parseWhenSteamWithOtherDigitsOrAlgorithmOrUnknownEncoderThenRefused() {
    assertRefused(() -> OtpauthUri.parse("otpauth://steam/alice?secret=JBSWY3DPEHPK3PXP&digits=6"), "digits");
    assertRefused(() -> OtpauthUri.parse("otpauth://steam/alice?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256"),
        "algorithm");
    assertRefused(() -> OtpauthUri.parse("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&encoder=yandex"), "encoder");
  }

  @Test
  void parseWhenFiveDigitsWithoutSteamIssuerThenStillRefused() {
    assertRefused(() -> OtpauthUri.parse("otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&digits=5"), "digits");
  }
}
