package dev.watchword.otp;

import static dev.watchword.otp.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HotpTest {

  private static final long SEED = 0x5EED_4226L;

  /**
   * oathtool stops at 8 digits, so 9 and 10 are checked against a second, deliberately different
   * reading of RFC 4226 §5.3: the HMAC straight from the JCA, truncation through a ByteBuffer and
   * formatting through BigInteger and String.format.
   */
  @Test
  void generateWhenNineOrTenDigitsThenMatchesIndependentRfc4226Computation() throws Exception {
    Random random = new Random(SEED);
    for (int i = 0; i < 500; i++) {
      HmacAlgorithm algorithm = HmacAlgorithm.values()[random.nextInt(3)];
      byte[] key = new byte[10 + random.nextInt(55)];
      random.nextBytes(key);
      long counter = random.nextLong() & Long.MAX_VALUE;
      int digits = 9 + random.nextInt(2);

      assertThat(Hotp.generate(algorithm, key, counter, digits))
          .as("seed %d, case %d: %s, %d digits, counter %d", SEED, i, algorithm, digits, counter)
          .isEqualTo(independentHotp(algorithm, key, counter, digits));
    }
  }

  @Test
  void generateWhenManyThreadsThenSameCodesAsOneThread() {
    List<String> sequential = codesForCounters(IntStream.range(0, 2_000));
    List<String> parallel = codesForCounters(IntStream.range(0, 2_000).parallel());

    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void generateWhenCalledThenKeyArrayUnchanged() {
    byte[] key = RfcSeeds.sha1();

    Hotp.generate(HmacAlgorithm.SHA1, key, 1, 6);

    assertThat(key).isEqualTo(RfcSeeds.sha1());
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, 0, 5, 11, 12})
  void generateWhenDigitsOutsideSixToTenThenRefusedNamingDigits(int digits) {
    assertRefused(() -> Hotp.generate(HmacAlgorithm.SHA1, RfcSeeds.sha1(), 0, digits), "digits");
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void generateWhenCounterNegativeThenRefusedNamingCounter(long counter) {
    assertRefused(() -> Hotp.generate(HmacAlgorithm.SHA1, RfcSeeds.sha1(), counter, 6), "counter");
  }

  @Test
  void generateWhenKeyNullOrEmptyThenRefusedNamingSecret() {
    assertRefused(() -> Hotp.generate(HmacAlgorithm.SHA1, null, 0, 6), "secret");
    assertRefused(() -> Hotp.generate(HmacAlgorithm.SHA1, new byte[0], 0, 6), "secret");
  }

  @Test
  void generateWhenAlgorithmNullThenRefusedNamingAlgorithm() {
    assertRefused(() -> Hotp.generate(null, RfcSeeds.sha1(), 0, 6), "algorithm");
  }

  private static List<String> codesForCounters(IntStream counters) {
    return counters
        .mapToObj(counter -> Hotp.generate(HmacAlgorithm.values()[counter % 3], RfcSeeds.sha1(), counter, 8))
        .collect(Collectors.toList());
  }

  private static String independentHotp(HmacAlgorithm algorithm, byte[] key, long counter, int digits)
      throws Exception {
    Mac mac = Mac.getInstance(algorithm.jcaName());
    mac.init(new SecretKeySpec(key, algorithm.jcaName()));
    byte[] hs = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    int offset = hs[hs.length - 1] & 0xf;
    int sbits = ByteBuffer.wrap(hs, offset, 4).getInt() & 0x7fff_ffff;
    BigInteger code = BigInteger.valueOf(sbits).mod(BigInteger.TEN.pow(digits));
    return String.format("%0" + digits + "d", code);
  }
}
