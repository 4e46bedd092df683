package dev.watchword.otp;

import static dev.watchword.otp.Refusals.assertNoFragmentOf;
import static dev.watchword.otp.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTest {

  private static final String GOOGLE_EXAMPLE = "JBSWY3DPEHPK3PXP";

  /** RFC 4648 §10 test vectors, with and without their padding. */
  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource({
    "MY======,         f",
    "MZXQ====,         fo",
    "MZXW6===,         foo",
    "MZXW6YQ=,         foob",
    "MZXW6YTB,         fooba",
    "MZXW6YTBOI======, foobar",
  })
  void fromBase32WhenRfc4648VectorPaddedOrNotThenDecodes(String padded, String plain) {
    byte[] expected = plain.getBytes(StandardCharsets.US_ASCII);

    assertThat(Secret.fromBase32(padded).bytes()).isEqualTo(expected);
    assertThat(Secret.fromBase32(padded.replace("=", "")).bytes()).isEqualTo(expected);
    assertThat(Secret.ofBytes(expected).toBase32()).isEqualTo(padded.replace("=", ""));
  }

  @Test
  void fromBase32WhenLowerCaseOrSpacedThenSameSecret() {
    Secret canonical = Secret.fromBase32(GOOGLE_EXAMPLE);

    assertThat(Secret.fromBase32("jbswy3dpehpk3pxp")).isEqualTo(canonical);
    assertThat(Secret.fromBase32("jbsw y3dp ehpk 3pxp")).isEqualTo(canonical);
    assertThat(Secret.fromBase32(" JBSW\tY3DP\nEHPK\r\n3PXP ")).isEqualTo(canonical);
    assertThat(Secret.fromBase32(CharBuffer.wrap(GOOGLE_EXAMPLE.toCharArray()))).isEqualTo(canonical);
  }

  /** "MZ" carries the bits of "MY" plus a non-zero unused bit; authenticator apps drop it, and so does Secret. */
  @Test
  void fromBase32WhenUnusedTrailingBitsAreNonZeroThenAcceptedAndDropped() {
    assertThat(Secret.fromBase32("MZ")).isEqualTo(Secret.fromBase32("MY"));
    assertThat(Secret.fromBase32("MZ").toBase32()).isEqualTo("MY");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "JBSWY3DPEHPK3PX!, !",
    "JBSWY3DPEHPK3PX1, 1",
    "JBSWY3DPEHPK3PX8, 8",
    "JBSWY3DPEHPK3PX@, @",
    "JBSWY3DPEHPK3PXü, ü",
  })
  void fromBase32WhenInvalidCharacterThenRefusedWithoutEchoingSecretOrCharacter(String base32, String invalid) {
    OtpFormatException refusal = assertRefused(() -> Secret.fromBase32(base32), "secret");

    assertThat(refusal.getMessage()).contains("A-Z", "2-7").doesNotContain(invalid);
    assertNoFragmentOf(base32, refusal.getMessage());
  }

  /** Only whitespace is ignored: a dash could be a typo for a character, so it is not silently dropped. */
  @Test
  void fromBase32WhenDashSeparatedThenRefused() {
    OtpFormatException refusal = assertRefused(() -> Secret.fromBase32("JBSW-Y3DP-EHPK-3PXP"), "secret");

    assertNoFragmentOf("JBSWY3DPEHPK3PXP", refusal.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "ABC", "ABCDEF", "JBSWY3DPE", "JBSWY3DPEHP"})
  void fromBase32WhenLengthNoEncodingProducesThenRefused(String base32) {
    OtpFormatException refusal = assertRefused(() -> Secret.fromBase32(base32), "secret");

    assertNoFragmentOf(base32, refusal.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "========"})
  void fromBase32WhenEmptyThenRefused(String base32) {
    assertRefused(() -> Secret.fromBase32(base32), "secret");
  }

  @Test
  void fromBase32WhenNullThenRefused() {
    assertRefused(() -> Secret.fromBase32(null), "secret");
  }

  @Test
  void fromBase32WhenDataFollowsPaddingThenRefused() {
    assertRefused(() -> Secret.fromBase32("MY==MZXQ"), "secret");
    assertRefused(() -> Secret.fromBase32("MZXW6YTB======="), "secret");
  }

  @Test
  void fromBase32WhenUpTo128BytesThenAcceptedAndWhenLongerThenRefused() {
    String exactly128 = Secret.ofBytes(new byte[128]).toBase32();
    String longer = exactly128 + "AAAAAAA";

    assertThat(Secret.fromBase32(exactly128).length()).isEqualTo(128);
    OtpFormatException refusal = assertRefused(() -> Secret.fromBase32(longer), "secret");
    assertThat(refusal.getMessage()).isEqualTo("secret is longer than 128 bytes");
  }

  @Test
  void ofBytesWhenNullEmptyOrLongerThan128BytesThenRefused() {
    assertRefused(() -> Secret.ofBytes(null), "secret");
    assertRefused(() -> Secret.ofBytes(new byte[0]), "secret");
    assertRefused(() -> Secret.ofBytes(new byte[129]), "secret");
  }

  @Test
  void toStringWhenCalledThenRedacted() {
    Secret secret = Secret.fromBase32(GOOGLE_EXAMPLE);

    assertThat(secret.toString()).isEqualTo("Secret[redacted]");
    assertThat(String.valueOf(secret)).doesNotContain(GOOGLE_EXAMPLE);
  }

  /** RFC 4226 §4 R6 requires at least 128 bits. */
  @Test
  void isWeakWhenShorterThan16BytesThenTrue() {
    assertThat(Secret.ofBytes(new byte[15]).isWeak()).isTrue();
    assertThat(Secret.ofBytes(new byte[16]).isWeak()).isFalse();
    assertThat(Secret.fromBase32(GOOGLE_EXAMPLE).isWeak()).isTrue();
    assertThat(Secret.ofBytes(RfcSeeds.sha1()).isWeak()).isFalse();
  }

  @Test
  void ofBytesAndBytesWhenCallerMutatesArraysThenSecretUnchanged() {
    byte[] seed = RfcSeeds.sha1();
    Secret secret = Secret.ofBytes(seed);

    seed[0] = 0;
    secret.bytes()[1] = 0;

    assertThat(secret.bytes()).isEqualTo(RfcSeeds.sha1());
  }

  @Test
  void equalsWhenSameSeedThenEqualAndHashCodeIsLengthOnly() {
    Secret secret = Secret.ofBytes(RfcSeeds.sha1());
    byte[] other = RfcSeeds.sha1();
    other[19] ^= 1;

    assertThat(secret).isEqualTo(Secret.ofBytes(RfcSeeds.sha1()));
    assertThat(secret).isNotEqualTo(Secret.ofBytes(other));
    assertThat(secret.hashCode()).isEqualTo(20).isEqualTo(Secret.ofBytes(other).hashCode());
  }

  @Test
  void destroyWhenCalledThenSeedZeroedAndReadsRefused() throws Exception {
    Secret secret = Secret.ofBytes(RfcSeeds.sha1());

    secret.destroy();

    assertThat(secret.isDestroyed()).isTrue();
    assertThat(internalBytes(secret)).containsOnly(0);
    assertThatThrownBy(secret::bytes).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(secret::toBase32).isInstanceOf(IllegalStateException.class);
    assertThat(secret).isNotEqualTo(Secret.ofBytes(new byte[20]));
    assertThat(secret.toString()).isEqualTo("Secret[redacted]");
  }

  private static byte[] internalBytes(Secret secret) throws ReflectiveOperationException {
    Field bytes = Secret.class.getDeclaredField("bytes");
    bytes.setAccessible(true);
    return (byte[]) bytes.get(secret);
  }
}
