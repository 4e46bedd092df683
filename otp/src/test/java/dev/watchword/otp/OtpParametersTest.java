package dev.watchword.otp;

import static dev.watchword.otp.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpParametersTest {

  @Test
  void totpWhenCreatedThenCounterIsZero() {
    OtpParameters totp = OtpParameters.totp(HmacAlgorithm.SHA256, 8, 60);

    assertThat(totp).isEqualTo(new OtpParameters(OtpType.TOTP, HmacAlgorithm.SHA256, 8, 60, 0));
    assertThat(new OtpParameters(OtpType.TOTP, HmacAlgorithm.SHA256, 8, 60, 42)).isEqualTo(totp);
  }

  @Test
  void hotpWhenCreatedThenPeriodIsDefaultAndIgnored() {
    OtpParameters hotp = OtpParameters.hotp(HmacAlgorithm.SHA1, 6, 7);

    assertThat(hotp.period()).isEqualTo(OtpParameters.DEFAULT_PERIOD);
    assertThat(new OtpParameters(OtpType.HOTP, HmacAlgorithm.SHA1, 6, 0, 7)).isEqualTo(hotp);
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 8, 9, 10})
  void constructorWhenDigitsSixToTenThenAccepted(int digits) {
    assertThat(OtpParameters.totp(HmacAlgorithm.SHA1, digits, 30).digits()).isEqualTo(digits);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 5, 11})
  void constructorWhenDigitsOutsideSixToTenThenRefusedNamingDigits(int digits) {
    assertRefused(() -> OtpParameters.totp(HmacAlgorithm.SHA1, digits, 30), "digits");
    assertRefused(() -> OtpParameters.hotp(HmacAlgorithm.SHA1, digits, 0), "digits");
  }

  @Test
  void hotpWhenCounterNegativeThenRefusedNamingCounter() {
    assertRefused(() -> OtpParameters.hotp(HmacAlgorithm.SHA1, 6, -1), "counter");
  }

  @Test
  void constructorWhenTypeOrAlgorithmMissingThenRefusedNamingIt() {
    assertRefused(() -> new OtpParameters(null, HmacAlgorithm.SHA1, 6, 30, 0), "type");
    assertRefused(() -> new OtpParameters(OtpType.TOTP, null, 6, 30, 0), "algorithm");
  }

  @Test
  void withCounterWhenHotpThenOnlyCounterChanges() {
    assertThat(OtpParameters.hotp(HmacAlgorithm.SHA512, 8, 1).withCounter(2))
        .isEqualTo(OtpParameters.hotp(HmacAlgorithm.SHA512, 8, 2));
    assertRefused(() -> OtpParameters.totp(HmacAlgorithm.SHA1, 6, 30).withCounter(2), "counter");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "SHA1,    SHA1",
    "sha1,    SHA1",
    "SHA-1,   SHA1",
    "sha-1,   SHA1",
    "SHA256,  SHA256",
    "Sha-256, SHA256",
    "sha256,  SHA256",
    "SHA512,  SHA512",
    "SHA-512, SHA512",
  })
  void hmacAlgorithmParseWhenKnownSpellingThenAccepted(String text, HmacAlgorithm expected) {
    assertThat(HmacAlgorithm.parse(text)).isEqualTo(expected);
  }

  /** "ſha1" starts with U+017F, which {@link String#equalsIgnoreCase} would fold to 'S'. */
  @ParameterizedTest
  @ValueSource(strings = {"", "MD5", "SHA", "SHA-", "SHA224", "SHA--1", "SHA_1", "HmacSHA1", "ſha1", " SHA1"})
  void hmacAlgorithmParseWhenUnknownThenRefusedNamingAlgorithm(String text) {
    assertRefused(() -> HmacAlgorithm.parse(text), "algorithm");
  }

  @Test
  void hmacAlgorithmJcaNameWhenCalledThenStandardName() {
    assertThat(HmacAlgorithm.SHA1.jcaName()).isEqualTo("HmacSHA1");
    assertThat(HmacAlgorithm.SHA256.jcaName()).isEqualTo("HmacSHA256");
    assertThat(HmacAlgorithm.SHA512.jcaName()).isEqualTo("HmacSHA512");
  }

  @Test
  void otpTypeParseWhenAnyAsciiCaseThenAcceptedAndLowerNameRoundTrips() {
    assertThat(OtpType.parse("totp")).isEqualTo(OtpType.TOTP);
    assertThat(OtpType.parse("HoTp")).isEqualTo(OtpType.HOTP);
    assertThat(OtpType.TOTP.lowerName()).isEqualTo("totp");
    assertThat(OtpType.HOTP.lowerName()).isEqualTo("hotp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "motp", "totp ", "steam"})
  void otpTypeParseWhenUnknownThenRefusedNamingType(String text) {
    assertRefused(() -> OtpType.parse(text), "type");
    assertRefused(() -> OtpType.parse(null), "type");
  }
}
