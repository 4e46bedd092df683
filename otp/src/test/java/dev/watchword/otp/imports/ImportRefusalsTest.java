package dev.watchword.otp.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.watchword.otp.imports.ImportFormatException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Whole-file refusals and per-entry problems: what is wrong, where, and never a seed or password. */
class ImportRefusalsTest {

  private static final ImportLimits LIMITS = ImportLimits.defaults();
  private static final List<String> FIXTURE_SEEDS = List.of(FixtureAccounts.DENO.base32(),
      FixtureAccounts.SPDX.base32(), FixtureAccounts.AIR_CANADA.base32(), FixtureAccounts.STEAM.base32());

  @Test
  void readWhenJunkBytesThenUnknownFormat() {
    ImportFormatException refused = refused(() -> read(new byte[] {0, 1, 2, (byte) 0xfe, 42}, "x.bin", null));
    assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_FORMAT);
    assertThat(refused.where()).isEqualTo("file");
  }

  @Test
  void readWhenEncryptedAndOtpFileNameThenUnknownFormatSaysSo() {
    ImportFormatException refused = refused(() -> read(new byte[] {0, 0, 0x27, 0x10, 9, 9}, "otp_accounts.json.aes",
        null));
    assertThat(refused.getMessage()).contains("andOTP encrypted backups are not supported");
  }

  @Test
  void readWhenEmptyOrUnknownJsonThenRefused() {
    assertThat(refused(() -> read(new byte[0], null, null)).reason()).isEqualTo(Reason.MALFORMED);
    assertThat(refused(() -> read(utf8("{\"hello\": 1}"), null, null)).reason()).isEqualTo(Reason.UNKNOWN_FORMAT);
  }

  @Test
  void readWhenJsonTruncatedThenMalformedWithLineAndColumnAndNoSecret() {
    String aegis = Fixtures.text("aegis/aegis-plain.json");
    ImportFormatException refused = refused(() -> read(utf8(aegis.substring(0, aegis.length() / 2)), null, null));
    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(refused.getMessage()).contains("line ");
    assertNoSeed(refused.getMessage());
  }

  @Test
  void readWhenEncryptedWithoutPasswordThenPasswordRequired() {
    for (String path : List.of("aegis/aegis-encrypted.json", "2fas/2fas-encrypted.2fas",
        "pskc/rfc6030-figure5-password-qwerty.xml")) {
      assertThat(refused(() -> Fixtures.read(path, null)).reason()).as(path).isEqualTo(Reason.PASSWORD_REQUIRED);
    }
  }

  @Test
  void readWhenWrongPasswordThenWrongPasswordAndNoPasswordInMessage() {
    for (String path : List.of("aegis/aegis-encrypted.json", "2fas/2fas-encrypted.2fas",
        "pskc/rfc6030-figure5-password-qwerty.xml")) {
      ImportFormatException refused = refused(() -> Fixtures.read(path, "hunter2-wrong"));
      assertThat(refused.reason()).as(path).isEqualTo(Reason.WRONG_PASSWORD);
      assertThat(refused.getMessage()).doesNotContain("hunter2");
    }
  }

  @Test
  void readWhenPskcDeclaresExternalEntityThenRefusedAndNothingLoaded() {
    ImportFormatException refused = refused(() -> Fixtures.read("pskc/xxe-external-entity.xml", null));
    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(refused.getMessage()).contains("DOCTYPE").doesNotContain("root:");
  }

  @Test
  void readWhenPskcIsBillionLaughsThenRefusedBeforeExpansion() {
    assertThat(refused(() -> Fixtures.read("pskc/billion-laughs.xml", null)).reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void readWhenPngHeaderClaims100000By100000ThenLimitBeforeDecoding() {
    ImportFormatException refused = refused(() -> read(pngHeaderOnly(100_000, 100_000), "huge.png", null));
    assertThat(refused.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
    assertThat(refused.where()).isEqualTo("image header");
    assertThat(refused.getMessage()).contains("100000 x 100000");
  }

  @Test
  void readWhenImageTruncatedThenMalformed() {
    byte[] png = Fixtures.bytes("qr/single-totp.png");
    assertThat(refused(() -> read(Arrays.copyOf(png, png.length / 2), null, null)).reason())
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void readWhenImageHasNoQrCodeThenNoCodeFound() throws IOException {
    BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(blank, "png", png);
    assertThat(refused(() -> read(png.toByteArray(), null, null)).reason()).isEqualTo(Reason.NO_CODE_FOUND);
  }

  @Test
  void readWhenGzipBombThenLimitWhileDecompressing() throws IOException {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gzip.write(zeros);
      }
    }
    assertThat(bomb.size()).isLessThan(LIMITS.maxFileBytes());
    ImportFormatException refused = refused(() -> read(bomb.toByteArray(), "bomb.gz", null));
    assertThat(refused.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
    assertThat(refused.getMessage()).contains("decompresses to more than");
  }

  @Test
  void readWhenGzippedExportThenReadAsTheExport() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(Fixtures.bytes("csv/watchword.csv"));
    }
    assertThat(read(compressed.toByteArray(), "export.csv.gz", null).entries()).hasSize(5);
  }

  @Test
  void readWhenZipArchiveThenUnsupported() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("aegis.json"));
      out.write(Fixtures.bytes("aegis/aegis-plain.json"));
    }
    assertThat(refused(() -> read(zip.toByteArray(), null, null)).reason()).isEqualTo(Reason.UNSUPPORTED);
  }

  @Test
  void readWhenFileLargerThanLimitThenLimitBeforeParsing() {
    ImportLimits small = LIMITS.withMaxFileBytes(100);
    ImportFormatException refused = refused(() -> ImportFile.read(Fixtures.bytes("csv/watchword.csv"), null, null,
        small));
    assertThat(refused.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
  }

  @Test
  void readWhenMoreEntriesThanLimitThenLimit() {
    ImportFormatException refused = refused(() -> ImportFile.read(Fixtures.bytes("andotp/otp_accounts.json"), null,
        null, LIMITS.withMaxEntries(3)));
    assertThat(refused.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
    assertThat(refused.getMessage()).contains("more than 3 entries");
  }

  @Test
  void readWhenAegisSlotDemandsHugeScryptThenLimitWithoutDeriving() {
    String hostile = Fixtures.text("aegis/aegis-encrypted.json").replace("\"n\": 32768", "\"n\": 1073741824");
    ImportFormatException refused = refused(() -> read(utf8(hostile), null, "test"));
    assertThat(refused.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
    assertThat(refused.where()).isEqualTo("header.slots[1]");
    String hostileR = Fixtures.text("aegis/aegis-encrypted.json").replace("\"r\": 8", "\"r\": 9223372036854775807");
    assertThat(refused(() -> read(utf8(hostileR), null, "test")).reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
  }

  @Test
  void readWhenPskcDemandsTooManyPbkdf2IterationsThenLimit() {
    String hostile = Fixtures.text("pskc/rfc6030-figure5-password-qwerty.xml")
        .replace("<IterationCount>1000<", "<IterationCount>2000000000<");
    ImportFormatException refused = refused(() -> read(utf8(hostile), null, "qwerty"));
    assertThat(refused.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
  }

  @Test
  void readWhenPskcValueAlteredThenWrongPasswordOrAltered() {
    String altered = Fixtures.text("pskc/rfc6030-figure5-password-qwerty.xml")
        .replace("oTvo+S22nsmS2Z", "oTvo+S22nsmS2A");
    assertThat(refused(() -> read(utf8(altered), null, "qwerty")).reason()).isEqualTo(Reason.WRONG_PASSWORD);
  }

  @Test
  void readWhenEncryptedBitwardenThenUnsupported() {
    String encrypted = "{\"encrypted\": true, \"passwordProtected\": true, \"salt\": \"x\", \"kdfType\": 0, "
        + "\"kdfIterations\": 600000, \"encKeyValidation_DO_NOT_EDIT\": \"x\", \"data\": \"x\", \"items\": []}";
    assertThat(refused(() -> read(utf8(encrypted), null, null)).reason()).isEqualTo(Reason.UNSUPPORTED);
  }

  @Test
  void readWhenMixedGoodAndBadLinesThenGoodEntriesAndProblemsByLine() {
    ImportResult result = Fixtures.read("text/mixed-good-and-bad.txt", null);
    assertThat(result.entries()).extracting(ImportedEntry::position).containsExactly("line 3", "line 6");
    assertThat(result.problems()).extracting(ImportProblem::position).containsExactly("line 4", "line 5");
    assertThat(result.problems().get(0).message()).contains("secret");
    assertThat(result.problems().get(1).message()).contains("not an otpauth");
    assertThat(result.isComplete()).isFalse();
    result.problems().forEach(problem -> assertNoSeed(problem.toString()));
  }

  @Test
  void readWhenMigrationBatchMissingThenEntriesOfPresentBatchAndAProblemNamingTheMissingCode() {
    ImportResult result = Fixtures.read("google/google-authenticator-missing-batch.txt", null);
    assertThat(result.entries()).extracting(ImportedEntry::position)
        .containsExactly("line 1, entry 1", "line 1, entry 2");
    assertThat(result.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.position()).isEqualTo("Google Authenticator export");
      assertThat(problem.message()).startsWith("QR code 2 of 2 of this export is missing");
    });
  }

  @Test
  void readWhenMigrationCodeScannedTwiceThenItsEntriesOnce() {
    String export = Fixtures.text("google/google-authenticator-export.txt");
    String firstLine = export.substring(0, export.indexOf('\n'));
    ImportResult result = ImportFile.readText(export + firstLine + "\n", LIMITS);
    assertThat(result.entries()).hasSize(3);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void readWhenAegisHasUnsupportedTypeThenProblemAtItsEntry() {
    ImportResult result = Fixtures.read("aegis/aegis-plain.json", null);
    assertThat(result.problems()).containsExactly(
        new ImportProblem("entry 6", "type yandex is not supported; only totp, hotp and steam are"));
  }

  @Test
  void readWhenCsvRowsBadThenProblemsByLineAndQuotedCommasKept() {
    String csv = "Issuer, Account ,Secret,Digits\n"
        + "\"Example, Inc.\",alice,JBSWY3DPEHPK3PXP,6\n"
        + "\n"
        + "Bad,bob,JBSWY3DPEHPK3PX*,6\n"
        + "Worse,carol,JBSWY3DPEHPK3PXP,five\n"
        + "Multi,\"dave\nsmith\",JBSWY3DPEHPK3PXP,6\n"
        + "Last,erin,JBSWY3DPEHPK3PXP,8\n";
    ImportResult result = ImportFile.readText(csv, LIMITS);
    assertThat(result.format()).isEqualTo(ImportFormat.CSV);
    assertThat(result.entries()).extracting(ImportedEntry::position, ImportedEntry::issuer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("line 2", "Example, Inc."),
            org.assertj.core.groups.Tuple.tuple("line 8", "Last"));
    assertThat(result.problems()).extracting(ImportProblem::position).containsExactly("line 4", "line 5", "line 6");
    assertThat(result.problems().get(0).message()).doesNotContain("PX*");
  }

  @Test
  void readWhenCsvQuoteUnterminatedThenMalformed() {
    String csv = "issuer,account,secret\n\"Example,alice,JBSWY3DPEHPK3PXP\n";
    assertThat(refused(() -> ImportFile.readText(csv, LIMITS)).reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void importedEntryToStringWhenAnyFormatThenNoSeed() {
    for (String path : List.of("aegis/aegis-plain.json", "2fas/2fas-plain.2fas", "andotp/otp_accounts.json",
        "text/ente-auth-export.txt")) {
      ImportResult result = Fixtures.read(path, null);
      assertNoSeed(result.toString());
      assertThat(result.toString()).contains("Secret[redacted]");
    }
  }

  private static ImportResult read(byte[] content, String name, String password) {
    return ImportFile.read(content, name, password == null ? null : password.toCharArray(), LIMITS);
  }

  private static ImportFormatException refused(ThrowingCallable call) {
    ImportFormatException refused = catchThrowableOfType(ImportFormatException.class, call);
    assertThat(refused).isNotNull();
    assertThat(refused.getMessage()).startsWith(refused.where() + ": ");
    assertNoSeed(refused.getMessage());
    return refused;
  }

  private static void assertNoSeed(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    for (String seed : FIXTURE_SEEDS) {
      for (int i = 0; i + 6 <= seed.length(); i++) {
        assertThat(upper).doesNotContain(seed.substring(i, i + 6));
      }
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A PNG signature and IHDR chunk (with a valid CRC) claiming the given size, and nothing else. */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
        .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    return ByteBuffer.allocate(8 + 4 + 17 + 4)
        .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
        .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
  }
}
