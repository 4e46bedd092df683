package dev.watchword.otp.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Every import parser reads files from anywhere, so each is fuzzed. In a normal build the files in
 * {@code ImportFuzzTestInputs/<method>/} (fixtures and hostile variants) run as regression tests; to fuzz, run
 * {@code JAZZER_FUZZ=1 mvn -pl otp test -Dtest=ImportFuzzTest#<method>}, which also activates the pom's fuzz
 * profile. The invariants: only {@link ImportFormatException} escapes, its message starts with where it
 * happened, and no entry's {@code toString()} shows its seed. Key derivation limits are small so that a
 * fuzzer's hostile KDF costs are refused quickly instead of being paid.
 */
class ImportFuzzTest {

  static final ImportLimits FUZZ_LIMITS = new ImportLimits(1 << 20, 2_000, 4_000_000L, 1 << 20,
      1 << 10, 8, 4L << 20, 20_000);
  private static final char[] PASSWORD = "test".toCharArray();

  @FuzzTest(maxDuration = "60s")
  void readWhenArbitraryBytesThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] content = data.consumeRemainingAsBytes();
    check(() -> ImportFile.read(content, "upload", PASSWORD, FUZZ_LIMITS));
  }

  @FuzzTest(maxDuration = "60s")
  void aegisWhenArbitraryJsonThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] json = data.consumeRemainingAsBytes();
    check(() -> {
      var root = JsonDocuments.parse(json, "file");
      return AegisVault.matches(root) ? AegisVault.read(root, PASSWORD, FUZZ_LIMITS) : null;
    });
  }

  @FuzzTest(maxDuration = "60s")
  void twoFasWhenArbitraryJsonThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] json = data.consumeRemainingAsBytes();
    check(() -> {
      var root = JsonDocuments.parse(json, "file");
      return TwoFasBackup.matches(root) ? TwoFasBackup.read(root, PASSWORD, FUZZ_LIMITS) : null;
    });
  }

  @FuzzTest(maxDuration = "60s")
  void bitwardenWhenArbitraryJsonThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] json = data.consumeRemainingAsBytes();
    check(() -> {
      var root = JsonDocuments.parse(json, "file");
      return BitwardenExport.matches(root) ? BitwardenExport.read(root, FUZZ_LIMITS) : null;
    });
  }

  @FuzzTest(maxDuration = "60s")
  void andOtpAndFreeOtpPlusWhenArbitraryJsonThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] json = data.consumeRemainingAsBytes();
    check(() -> {
      var root = JsonDocuments.parse(json, "file");
      if (FreeOtpPlusBackup.matches(root)) {
        return FreeOtpPlusBackup.read(root, FUZZ_LIMITS);
      }
      return AndOtpBackup.matches(root) ? AndOtpBackup.read(root, FUZZ_LIMITS) : null;
    });
  }

  @FuzzTest(maxDuration = "60s")
  void migrationPayloadWhenArbitraryBytesThenOnlyEntryProblems(FuzzedDataProvider data) {
    byte[] payload = data.consumeRemainingAsBytes();
    try {
      for (byte[] parameters : GoogleMigration.parsePayload(payload).parameters()) {
        try {
          GoogleMigration.candidate(parameters).build();
        } catch (EntryProblem | dev.watchword.otp.OtpFormatException refused) {
          assertThat(refused.getMessage()).isNotBlank();
        }
      }
    } catch (EntryProblem refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "60s")
  void uriLinesWhenArbitraryTextThenOnlyImportFormatException(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    check(() -> UriLines.read(text, FUZZ_LIMITS));
  }

  @FuzzTest(maxDuration = "60s")
  void csvWhenArbitraryTextThenOnlyImportFormatException(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    check(() -> CsvFile.read(text, FUZZ_LIMITS));
  }

  @FuzzTest(maxDuration = "60s")
  void pskcWhenArbitraryXmlThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] xml = data.consumeRemainingAsBytes();
    check(() -> PskcContainer.read(xml, "qwerty".toCharArray(), FUZZ_LIMITS));
  }

  @FuzzTest(maxDuration = "60s")
  void qrImageWhenArbitraryBytesThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] image = data.consumeRemainingAsBytes();
    check(() -> QrImage.read(image, FUZZ_LIMITS));
  }

  /** The invariants every parser keeps, whatever it is given; shared with the other fuzz tests of this package. */
  static void check(Supplier<ImportResult> read) {
    ImportResult result;
    try {
      result = read.get();
    } catch (ImportFormatException refused) {
      assertThat(refused.reason()).isNotNull();
      assertThat(refused.getMessage()).startsWith(refused.where() + ": ");
      return;
    }
    if (result == null) {
      return;
    }
    assertThat(result.format()).isNotNull();
    for (ImportedEntry entry : result.entries()) {
      String base32 = entry.secret().toBase32();
      if (base32.length() >= 8 && !entry.issuer().contains(base32) && !entry.account().contains(base32)) {
        assertThat(entry.toString()).doesNotContain(base32);
      }
    }
    for (ImportProblem problem : result.problems()) {
      assertThat(problem.position()).isNotBlank();
      assertThat(problem.message()).isNotBlank();
    }
    assertThat(new String(result.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isNotNull();
  }
}
