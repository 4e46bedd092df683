package dev.watchword.otp.imports;

import static dev.watchword.otp.imports.FixtureAccounts.AIR_CANADA;
import static dev.watchword.otp.imports.FixtureAccounts.AT;
import static dev.watchword.otp.imports.FixtureAccounts.DENO;
import static dev.watchword.otp.imports.FixtureAccounts.EXAMPLE_INC;
import static dev.watchword.otp.imports.FixtureAccounts.RFC6030_FIGURE2;
import static dev.watchword.otp.imports.FixtureAccounts.RFC6030_FIGURE5;
import static dev.watchword.otp.imports.FixtureAccounts.SPDX;
import static dev.watchword.otp.imports.FixtureAccounts.SPDX_30;
import static dev.watchword.otp.imports.FixtureAccounts.STEAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.otp.Oathtool;
import dev.watchword.otp.OtpCodes;
import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.imports.FixtureAccounts.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code imports/} is read into exactly the accounts its generator wrote, and every entry's
 * code at {@link FixtureAccounts#AT} equals oathtool's for the generator's seed (node-steam-totp's for Steam).
 */
class ImportFixturesTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("aegis/aegis-plain.json", null, ImportFormat.AEGIS,
            List.of(DENO, SPDX, EXAMPLE_INC, AIR_CANADA, STEAM), 1),
        Arguments.of("aegis/aegis-encrypted.json", "test", ImportFormat.AEGIS,
            List.of(DENO, SPDX, AIR_CANADA, STEAM), 0),
        Arguments.of("2fas/2fas-plain.2fas", null, ImportFormat.TWO_FAS,
            List.of(DENO, SPDX, EXAMPLE_INC, AIR_CANADA, STEAM), 0),
        Arguments.of("2fas/2fas-encrypted.2fas", "test", ImportFormat.TWO_FAS, List.of(DENO, AIR_CANADA, STEAM), 0),
        Arguments.of("bitwarden/bitwarden-export.json", null, ImportFormat.BITWARDEN, List.of(DENO, SPDX, STEAM), 0),
        Arguments.of("andotp/otp_accounts.json", null, ImportFormat.AND_OTP,
            List.of(DENO, SPDX, EXAMPLE_INC, AIR_CANADA, STEAM), 0),
        Arguments.of("freeotpplus/freeotp-backup.json", null, ImportFormat.FREE_OTP_PLUS,
            List.of(DENO, SPDX, EXAMPLE_INC, AIR_CANADA), 0),
        Arguments.of("google/google-authenticator-export.txt", null, ImportFormat.GOOGLE_AUTHENTICATOR_MIGRATION,
            List.of(DENO, SPDX_30, AIR_CANADA), 0),
        Arguments.of("text/ente-auth-export.txt", null, ImportFormat.OTPAUTH_URIS,
            List.of(DENO, SPDX, EXAMPLE_INC, AIR_CANADA, STEAM), 0),
        Arguments.of("csv/watchword.csv", null, ImportFormat.CSV,
            List.of(DENO, SPDX, EXAMPLE_INC, AIR_CANADA, STEAM), 0),
        Arguments.of("pskc/rfc6030-plain.xml", null, ImportFormat.PSKC, List.of(RFC6030_FIGURE2, DENO), 0),
        Arguments.of("pskc/rfc6030-figure5-password-qwerty.xml", "qwerty", ImportFormat.PSKC,
            List.of(RFC6030_FIGURE5), 0),
        Arguments.of("qr/single-totp.png", null, ImportFormat.QR_IMAGE, List.of(DENO), 0),
        Arguments.of("qr/three-codes.png", null, ImportFormat.QR_IMAGE, List.of(DENO, AIR_CANADA, STEAM), 0),
        Arguments.of("qr/screen-photo.jpg", null, ImportFormat.QR_IMAGE, List.of(SPDX), 0),
        Arguments.of("qr/google-export-two-codes.png", null, ImportFormat.QR_IMAGE,
            List.of(DENO, SPDX_30, AIR_CANADA), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void readWhenFixtureThenExactlyTheGeneratedAccounts(String path, String password, ImportFormat format,
      List<Account> expected, int problems) {
    ImportResult result = Fixtures.read(path, password);

    assertThat(result.format()).isEqualTo(format);
    assertThat(result.problems()).hasSize(problems);
    assertThat(result.entries()).extracting(ImportedEntry::issuer, ImportedEntry::account, ImportedEntry::parameters,
            entry -> entry.secret().toBase32())
        .containsExactlyElementsOf(expected.stream()
            .map(a -> org.assertj.core.groups.Tuple.tuple(a.issuer(), a.account(), a.parameters(), a.base32()))
            .toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void readWhenFixtureThenCodesEqualOathtoolForTheGeneratorsSeed(String path, String password, ImportFormat format,
      List<Account> expected, int problems) throws Exception {
    Oathtool.requireInstalled();
    List<ImportedEntry> entries = Fixtures.read(path, password).entries();
    assertThat(entries).hasSameSizeAs(expected);
    List<String> ours = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      ImportedEntry entry = entries.get(i);
      ours.add(OtpCodes.generate(entry.parameters(), entry.secret().bytes(), Instant.ofEpochSecond(AT)));
      theirs.add(FixtureAccounts.isSteam(expected.get(i))
          ? FixtureAccounts.STEAM_CODE_AT : Oathtool.run(oathtoolArguments(expected.get(i))));
    }
    assertThat(ours).isEqualTo(theirs);
  }

  private static List<String> oathtoolArguments(Account account) {
    OtpParameters p = account.parameters();
    String digits = Integer.toString(p.digits());
    if (p.type() == OtpType.HOTP) {
      return List.of("--hotp", "-b", "-d", digits, "-c", Long.toString(p.counter()), account.base32());
    }
    return List.of("--totp=" + p.algorithm().name(), "-b", "-d", digits, "-s", p.period() + "s",
        "-N", "@" + AT, account.base32());
  }
}
