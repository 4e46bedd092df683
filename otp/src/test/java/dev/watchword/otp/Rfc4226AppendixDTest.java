package dev.watchword.otp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4226 Appendix D: HOTP test values for the secret "12345678901234567890". */
class Rfc4226AppendixDTest {

  @ParameterizedTest(name = "counter {0} -> {1}")
  @CsvSource({
    "0, 755224",
    "1, 287082",
    "2, 359152",
    "3, 969429",
    "4, 338314",
    "5, 254676",
    "6, 287922",
    "7, 162583",
    "8, 399871",
    "9, 520489",
  })
  void generateWhenRfc4226AppendixDThenMatches(long counter, String expected) {
    assertThat(Hotp.generate(HmacAlgorithm.SHA1, RfcSeeds.sha1(), counter, 6)).isEqualTo(expected);
  }

  /**
   * Appendix D also lists the 31-bit truncated value. It is below 10^10, so a 10-digit code is that
   * value zero-padded, which also exercises the padding (counters 2 and 7).
   */
  @ParameterizedTest(name = "counter {0} -> {1}")
  @CsvSource({
    "0, 1284755224",
    "1, 1094287082",
    "2, 0137359152",
    "3, 1726969429",
    "4, 1640338314",
    "5, 0868254676",
    "6, 1918287922",
    "7, 0082162583",
    "8, 0673399871",
    "9, 0645520489",
  })
  void generateWhenTenDigitsThenIsAppendixDTruncatedValueZeroPadded(long counter, String expected) {
    assertThat(Hotp.generate(HmacAlgorithm.SHA1, RfcSeeds.sha1(), counter, 10)).isEqualTo(expected);
  }
}
