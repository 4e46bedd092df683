package dev.watchword.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6238 Appendix B: TOTP test vectors, X = 30 s, T0 = 0, 8 digits.
 *
 * <p>The RFC text says the seed is the 20-byte "12345678901234567890" for every mode, but its reference
 * code (and so its table) keys HMAC-SHA256 with 32 bytes and HMAC-SHA512 with 64 bytes of the same
 * digit pattern. pquerna/otp's totp_test.go documents the same erratum. {@link RfcSeeds} holds all three.
 */
class Rfc6238AppendixBTest {

  @ParameterizedTest(name = "{0} s, {1} -> {2}")
  @CsvSource({
    "59,          SHA1,   94287082",
    "59,          SHA256, 46119246",
    "59,          SHA512, 90693936",
    "1111111109,  SHA1,   07081804",
    "1111111109,  SHA256, 68084774",
    "1111111109,  SHA512, 25091201",
    "1111111111,  SHA1,   14050471",
    "1111111111,  SHA256, 67062674",
    "1111111111,  SHA512, 99943326",
    "1234567890,  SHA1,   89005924",
    "1234567890,  SHA256, 91819424",
    "1234567890,  SHA512, 93441116",
    "2000000000,  SHA1,   69279037",
    "2000000000,  SHA256, 90698825",
    "2000000000,  SHA512, 38618901",
    "20000000000, SHA1,   65353130",
    "20000000000, SHA256, 77737706",
    "20000000000, SHA512, 47863826",
  })
  void generateWhenRfc6238AppendixBThenMatches(long epochSeconds, HmacAlgorithm algorithm, String expected) {
    String code = Totp.generate(algorithm, RfcSeeds.forAlgorithm(algorithm), Instant.ofEpochSecond(epochSeconds), 30, 8);

    assertThat(code).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} s -> T = 0x{1}")
  @CsvSource({
    "59,          0000000000000001",
    "1111111109,  00000000023523EC",
    "1111111111,  00000000023523ED",
    "1234567890,  000000000273EF07",
    "2000000000,  0000000003F940AA",
    "20000000000, 0000000027BC86AA",
  })
  void timeStepWhenRfc6238AppendixBTimeThenMatchesPublishedT(long epochSeconds, String hexT) {
    assertThat(Totp.timeStep(Instant.ofEpochSecond(epochSeconds), 30)).isEqualTo(Long.parseLong(hexT, 16));
  }
}
