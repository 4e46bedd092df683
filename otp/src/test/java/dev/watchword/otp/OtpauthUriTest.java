package dev.watchword.otp;

import static dev.watchword.otp.Refusals.assertNoFragmentOf;
import static dev.watchword.otp.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Key URI format: https://github.com/google/google-authenticator/wiki/Key-Uri-Format */
class OtpauthUriTest {

  private static final String SECRET = KeyUris.SECRET;

  @Test
  void parseWhenGoogleBasicExampleThenReadsEveryField() {
    OtpauthUri uri = OtpauthUri.parse("otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example");

    assertThat(uri.type()).isEqualTo(OtpType.TOTP);
    assertThat(uri.issuer()).isEqualTo("Example");
    assertThat(uri.account()).isEqualTo("alice@google.com");
    assertThat(uri.secret()).isEqualTo(Secret.fromBase32(SECRET));
    assertThat(uri.parameters()).isEqualTo(OtpParameters.totp(HmacAlgorithm.SHA1, 6, 30));
  }

  @Test
  void parseWhenGoogleAcmeExampleWithAllParametersThenReadsThem() {
    OtpauthUri uri = OtpauthUri.parse("otpauth://totp/ACME%20Co:john.doe@email.com"
        + "?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30");

    assertThat(uri.issuer()).isEqualTo("ACME Co");
    assertThat(uri.account()).isEqualTo("john.doe@email.com");
    assertThat(uri.secret()).isEqualTo(Secret.fromBase32("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"));
    assertThat(uri.parameters()).isEqualTo(OtpParameters.totp(HmacAlgorithm.SHA1, 6, 30));
  }

  @Test
  void parseWhenNonDefaultParametersThenReadsThem() {
    OtpauthUri uri = OtpauthUri.parse(KeyUris.totp().with("algorithm", "SHA512").with("digits", "8").with("period", "60").build());

    assertThat(uri.parameters()).isEqualTo(OtpParameters.totp(HmacAlgorithm.SHA512, 8, 60));
  }

  @Test
  void parseWhenIssuerParameterAndLabelPrefixDifferThenParameterWins() {
    OtpauthUri uri = OtpauthUri.parse(KeyUris.totp().label("Old%20Name:alice").with("issuer", "New%20Name").build());

    assertThat(uri.issuer()).isEqualTo("New Name");
    assertThat(uri.account()).isEqualTo("alice");
  }

  @Test
  void parseWhenOnlyLabelPrefixThenItIsTheIssuer() {
    OtpauthUri uri = OtpauthUri.parse(KeyUris.totp().label("Example:alice").without("issuer").build());

    assertThat(uri.issuer()).isEqualTo("Example");
  }

  @Test
  void parseWhenNoIssuerAnywhereThenIssuerIsEmpty() {
    OtpauthUri uri = OtpauthUri.parse(KeyUris.totp().label("alice").without("issuer").build());

    assertThat(uri.issuer()).isEmpty();
    assertThat(uri.hasIssuer()).isFalse();
    assertThat(uri.account()).isEqualTo("alice");
  }

  @Test
  void parseWhenLabelPercentEncodedThenDecodedAsUtf8() {
    assertThat(OtpauthUri.parse(KeyUris.totp().label("ACME%20Co:john.doe%40email.com").without("issuer").build()))
        .extracting(OtpauthUri::issuer, OtpauthUri::account)
        .containsExactly("ACME Co", "john.doe@email.com");
    assertThat(OtpauthUri.parse(KeyUris.totp().label("Caf%C3%A9:%E6%97%A5%E6%9C%AC").without("issuer").build()))
        .extracting(OtpauthUri::issuer, OtpauthUri::account)
        .containsExactly("Café", "日本");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Example%3Aalice", "Example%3aalice", "Example:alice", "Example:%20alice", "Example: alice ", "Example%3A%20%20alice"})
  void parseWhenColonLiteralOrEncodedAndSpacesAroundAccountThenSplitAndStripped(String label) {
    OtpauthUri uri = OtpauthUri.parse(KeyUris.totp().label(label).without("issuer").build());

    assertThat(uri.issuer()).isEqualTo("Example");
    assertThat(uri.account()).isEqualTo("alice");
  }

  @Test
  void parseWhenPlusInLabelOrIssuerThenLiteralPlus() {
    OtpauthUri uri = OtpauthUri.parse(KeyUris.totp().label("A+B:alice+otp@example.com").with("issuer", "A+B").build());

    assertThat(uri.issuer()).isEqualTo("A+B");
    assertThat(uri.account()).isEqualTo("alice+otp@example.com");
  }

  @Test
  void parseWhenSchemeTypeAndParameterNamesInUpperCaseThenAccepted() {
    OtpauthUri uri = OtpauthUri.parse("OTPAUTH://TOTP/Example:alice?SECRET=jbswy3dpehpk3pxp&Digits=8");

    assertThat(uri.type()).isEqualTo(OtpType.TOTP);
    assertThat(uri.secret()).isEqualTo(Secret.fromBase32(SECRET));
    assertThat(uri.parameters().digits()).isEqualTo(8);
  }

  @Test
  void parseWhenHotpWithCounterThenReadsCounterAndIgnoresPeriod() {
    OtpauthUri uri = OtpauthUri.parse(KeyUris.hotp().with("counter", "1099511627776").with("period", "nonsense").build());

    assertThat(uri.type()).isEqualTo(OtpType.HOTP);
    assertThat(uri.parameters()).isEqualTo(OtpParameters.hotp(HmacAlgorithm.SHA1, 6, 1L << 40));
  }

  @Test
  void parseWhenHotpWithoutCounterThenRefusedNamingCounter() {
    OtpFormatException refusal = assertRefused(() -> OtpauthUri.parse(KeyUris.hotp().without("counter").build()), "counter");

    assertThat(refusal.getMessage()).contains("required");
  }

  @Test
  void parseWhenUnknownParametersThenIgnored() {
    String uri = KeyUris.totp().with("image", "https://example.com/logo.png").with("%ZZ", "%ZZ").with("color", "").build();

    assertThat(OtpauthUri.parse(uri)).isEqualTo(OtpauthUri.parse(KeyUris.totp().build()));
  }

  static Stream<Arguments> refusedUris() {
    return Stream.of(
        Arguments.of("algorithm", KeyUris.totp().with("algorithm", "MD5").build()),
        Arguments.of("algorithm", KeyUris.totp().with("algorithm", "").build()),
        Arguments.of("digits", KeyUris.totp().with("digits", "5").build()),
        Arguments.of("digits", KeyUris.totp().with("digits", "11").build()),
        Arguments.of("digits", KeyUris.totp().with("digits", "six").build()),
        Arguments.of("digits", KeyUris.totp().with("digits", "-6").build()),
        Arguments.of("digits", KeyUris.totp().with("digits", "+6").build()),
        Arguments.of("digits", KeyUris.totp().with("digits", "").build()),
        Arguments.of("digits", KeyUris.totp().with("digits", "99999999999999999999").build()),
        Arguments.of("period", KeyUris.totp().with("period", "0").build()),
        Arguments.of("period", KeyUris.totp().with("period", "3601").build()),
        Arguments.of("period", KeyUris.totp().with("period", "1e3").build()),
        Arguments.of("period", KeyUris.totp().with("period", "30s").build()),
        Arguments.of("period", KeyUris.totp().with("period", "%ZZ").build()),
        Arguments.of("counter", KeyUris.hotp().with("counter", "-1").build()),
        Arguments.of("counter", KeyUris.hotp().with("counter", "abc").build()),
        Arguments.of("counter", KeyUris.hotp().with("counter", "9223372036854775808").build()),
        Arguments.of("secret", KeyUris.totp().without("secret").build()),
        Arguments.of("secret", KeyUris.totp().with("secret", "").build()),
        Arguments.of("secret", KeyUris.totp().with("secret", SECRET.substring(0, 15) + "!").build()),
        Arguments.of("secret", KeyUris.totp().with("secret", SECRET + "%4").build()),
        Arguments.of("secret", KeyUris.totp().build() + "&secret=" + SECRET),
        Arguments.of("digits", KeyUris.totp().with("digits", "6").build() + "&DIGITS=6"),
        Arguments.of("type", KeyUris.totp().build().replace("otpauth://totp/", "otpauth://motp/")),
        Arguments.of("type", KeyUris.totp().build().replace("otpauth://totp/", "otpauth:///")),
        Arguments.of("uri", KeyUris.totp().build().replace("otpauth://", "https://")),
        Arguments.of("uri", KeyUris.totp().build().replace("otpauth://", "otpauth:")),
        Arguments.of("uri", KeyUris.totp().build() + "\n"),
        Arguments.of("uri", KeyUris.totp().with("pad", "x".repeat(4096)).build()),
        Arguments.of("label", "otpauth://totp?secret=" + SECRET),
        Arguments.of("label", KeyUris.totp().label("Example:alice%G0").build()),
        Arguments.of("label", KeyUris.totp().label("Example:alice%C3").build()),
        Arguments.of("label", KeyUris.totp().label("Example:alice%C3x%A9").build()),
        Arguments.of("label", KeyUris.totp().label("Example:alice%ED%A0%80").build()),
        Arguments.of("account", KeyUris.totp().label("Example:").build()),
        Arguments.of("account", KeyUris.totp().label("Example:alice:smith").build()),
        Arguments.of("account", KeyUris.totp().label("Example:alice%00").build()),
        Arguments.of("account", KeyUris.totp().label("Example:alice%0A").build()),
        Arguments.of("account", KeyUris.totp().label("Example:alice%E2%80%AEmoc.elgoog").build()),
        Arguments.of("account", KeyUris.totp().label("Example:" + "a".repeat(257)).build()),
        Arguments.of("issuer", KeyUris.totp().with("issuer", "Ex%7Fample").build()),
        Arguments.of("issuer", KeyUris.totp().with("issuer", "Ex%3Aample").build()),
        Arguments.of("issuer", KeyUris.totp().with("issuer", "%C3%A9".repeat(200)).build()),
        Arguments.of("issuer", KeyUris.totp().with("issuer", "%ZZ").build()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refusedUris")
  void parseWhenPartIsInvalidThenRefusedNamingItWithoutTheSecret(String parameter, String uri) {
    OtpFormatException refusal = assertRefused(() -> OtpauthUri.parse(uri), parameter);

    assertNoFragmentOf(SECRET, refusal.getMessage());
    assertNoFragmentOf(SECRET, refusal.toString());
  }

  @Test
  void parseWhenNullThenRefusedNamingUri() {
    assertRefused(() -> OtpauthUri.parse(null), "uri");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example",
    "otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
    "otpauth://hotp/alice?secret=JBSWY3DPEHPK3PXP&counter=9223372036854775807&digits=10&algorithm=sha-512",
    "otpauth://totp/Caf%C3%A9%20%26%20Bar%20%2F%20%3F%23:%F0%9F%94%91%25?secret=MZXW6YQ&period=1",
    "otpauth://totp/alice?secret=MZ&issuer=Old%20%2B%20New#fragment",
  })
  void toUriWhenParsedAgainThenEqual(String text) {
    OtpauthUri uri = OtpauthUri.parse(text);

    assertThat(OtpauthUri.parse(uri.toUri())).isEqualTo(uri);
  }

  @Test
  void toUriWhenWrittenThenPercentEncodesLabelAndIssuerAndListsEveryParameter() {
    OtpauthUri totp = new OtpauthUri(OtpType.TOTP, "ACME Co", "john.doe@email.com",
        Secret.fromBase32("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"), OtpParameters.totp(HmacAlgorithm.SHA256, 8, 60));
    OtpauthUri hotp = new OtpauthUri(OtpType.HOTP, "", "bob",
        Secret.fromBase32(SECRET), OtpParameters.hotp(HmacAlgorithm.SHA1, 6, 42));

    assertThat(totp.toUri()).isEqualTo("otpauth://totp/ACME%20Co:john.doe@email.com"
        + "?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60");
    assertThat(hotp.toUri()).isEqualTo("otpauth://hotp/bob?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&counter=42");
  }

  /** The issuer is written twice; the encoded-length cap keeps even all-non-ASCII text under 4096 characters. */
  @Test
  void toUriWhenLongestAllowedNonAsciiTextThenStillParseable() {
    String issuer = "é".repeat(170);
    String account = "日".repeat(113);
    OtpauthUri uri = new OtpauthUri(OtpType.HOTP, issuer, account,
        Secret.ofBytes(new byte[Secret.MAX_LENGTH]), OtpParameters.hotp(HmacAlgorithm.SHA512, 10, Long.MAX_VALUE));

    assertThat(uri.toUri().length()).isLessThanOrEqualTo(OtpauthUri.MAX_URI_LENGTH);
    assertThat(OtpauthUri.parse(uri.toUri())).isEqualTo(uri);
    assertRefused(() -> new OtpauthUri(OtpType.HOTP, "é".repeat(171), account, uri.secret(), uri.parameters()), "issuer");
  }

  @Test
  void constructorWhenTypeDiffersFromParametersThenRefusedNamingType() {
    assertRefused(() -> new OtpauthUri(OtpType.HOTP, "Example", "alice",
        Secret.fromBase32(SECRET), OtpParameters.totp(HmacAlgorithm.SHA1, 6, 30)), "type");
  }

  @Test
  void toStringWhenCalledThenSecretRedacted() {
    OtpauthUri uri = OtpauthUri.parse(KeyUris.totp().build());

    assertThat(uri.toString()).contains("Secret[redacted]", "Example", "alice@example.com");
    assertNoFragmentOf(SECRET, uri.toString());
  }
}
