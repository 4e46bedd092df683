package dev.watchword.otp;

import static dev.watchword.otp.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Steam Guard codes. The vectors were computed with DoctorMcKay's node-steam-totp 2.x
 * ({@code SteamTotp.generateAuthCode(secret, offset)}), an independent implementation that Steam bot
 * authors have used for years, for the shared secret in that project's README.
 */
class SteamGuardTest {

  /** node-steam-totp's README example shared_secret, Base64 as Steam's mobile authenticator stores it. */
  private static final byte[] SHARED_SECRET = Base64.getDecoder().decode("cnOgv/KdpLoP6Nbh0GMkXkPXALQ=");

  @ParameterizedTest
  @CsvSource({
      "0, W3J46",
      "1500000000, Q9JC4",
      "1700000000, X45RP",
      "1893456000, PJ4MJ",
  })
  void generateWhenNodeSteamTotpVectorThenSameCode(long epochSecond, String expected) {
    assertThat(SteamGuard.generate(SHARED_SECRET, Instant.ofEpochSecond(epochSecond), 30)).isEqualTo(expected);
  }

  @Test
  void generateWhenAnyStepThenFiveCharactersOfSteamAlphabet() {
    for (long step = 0; step < 500; step++) {
      String code = SteamGuard.generate(SHARED_SECRET, Instant.ofEpochSecond(step * 30), 30);
      assertThat(code).hasSize(5);
      assertThat(code.chars()).allMatch(c -> SteamGuard.ALPHABET.indexOf(c) >= 0);
    }
  }

  @Test
  void generateWhenSameStepThenSameCode() {
    assertThat(SteamGuard.generate(SHARED_SECRET, Instant.ofEpochSecond(1_700_000_010), 30))
        .isEqualTo(SteamGuard.generate(SHARED_SECRET, Instant.ofEpochSecond(1_700_000_039), 30));
  }

  @Test
  void generateWhenKeyEmptyOrTimeBefore1970ThenRefused() {
    assertRefused(() -> SteamGuard.generate(new byte[0], Instant.EPOCH, 30), "secret");
    assertRefused(() -> SteamGuard.generate(SHARED_SECRET, Instant.ofEpochSecond(-1), 30), "time");
    assertRefused(() -> SteamGuard.generate(SHARED_SECRET, Instant.EPOCH, 0), "period");
  }

  @Test
  void otpCodesGenerateWhenSteamParametersThenSteamGuardCode() {
    assertThat(OtpCodes.generate(OtpParameters.steam(30), SHARED_SECRET, Instant.ofEpochSecond(1_500_000_000)))
        .isEqualTo("Q9JC4");
  }

  @Test
  void otpCodesGenerateWhenTotpOrHotpThenSameAsTheirGenerators() {
    byte[] key = RfcSeeds.sha1();
    Instant at = Instant.ofEpochSecond(59);
    assertThat(OtpCodes.generate(OtpParameters.totp(HmacAlgorithm.SHA1, 8, 30), key, at))
        .isEqualTo(Totp.generate(HmacAlgorithm.SHA1, key, at, 30, 8));
    assertThat(OtpCodes.generate(OtpParameters.hotp(HmacAlgorithm.SHA1, 6, 5), key, at))
        .isEqualTo(Hotp.generate(HmacAlgorithm.SHA1, key, 5, 6));
  }

  @Test
  void steamParametersWhenBuiltThenSha1FiveDigitsAndCounterZero() {
    OtpParameters steam = new OtpParameters(OtpType.STEAM, HmacAlgorithm.SHA1, 5, 30, 99);
    assertThat(steam).isEqualTo(OtpParameters.steam(30));
    assertThat(steam.counter()).isZero();
    assertRefused(() -> new OtpParameters(OtpType.STEAM, HmacAlgorithm.SHA256, 5, 30, 0), "algorithm");
    assertRefused(() -> new OtpParameters(OtpType.STEAM, HmacAlgorithm.SHA1, 6, 30, 0), "digits");
    assertRefused(() -> OtpParameters.steam(0), "period");
  }

  @Test
  void otpTypeParseIncludingSteamWhenSteamThenSteamAndParseStillRefusesIt() {
    assertThat(OtpType.parseIncludingSteam("Steam")).isEqualTo(OtpType.STEAM);
    assertThat(OtpType.parseIncludingSteam("hotp")).isEqualTo(OtpType.HOTP);
    assertRefused(() -> OtpType.parse("steam"), "type");
    assertRefused(() -> OtpType.parseIncludingSteam("yandex"), "type");
    assertThat(OtpType.STEAM.isTimeBased()).isTrue();
    assertThat(OtpType.HOTP.isTimeBased()).isFalse();
  }
}
