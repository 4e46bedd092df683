package dev.watchword.otp.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watchword.otp.OtpType;
import dev.watchword.otp.OtpauthUri;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchwordExportTest {

  private static final List<OtpauthUri> ENTRIES = List.of(
      OtpauthUri.parse("otpauth://totp/ACME:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME&digits=8"),
      OtpauthUri.parse("otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&counter=42"),
      OtpauthUri.parse("otpauth://totp/Steam:gamer?secret=JBSWY3DPEHPK3PXP&issuer=Steam&encoder=steam"));

  @Test
  void readWhenWrittenWithTheSamePasswordThenEveryEntryComesBackWithItsParameters() {
    byte[] file = WatchwordExport.write("Acme", "Acme Corp", ENTRIES, "correct horse battery".toCharArray(),
        new SecureRandom());

    ImportResult result = ImportFile.read(file, "acme.json", "correct horse battery".toCharArray(),
        ImportLimits.defaults());

    assertThat(result.format()).isEqualTo(ImportFormat.WATCHWORD);
    assertThat(result.problems()).isEmpty();
    assertThat(result.entries()).extracting(e -> e.credential().toUri())
        .containsExactlyElementsOf(ENTRIES.stream().map(OtpauthUri::toUri).toList());
    assertThat(result.entries().get(2).type()).isEqualTo(OtpType.STEAM);
    assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain("GEZDGNBV").doesNotContain("ACME");
  }

  @Test
  void readWhenPasswordIsWrongOrMissingThenRefusedWithoutDetail() {
    byte[] file = WatchwordExport.write("Acme", null, ENTRIES, "correct horse battery".toCharArray(), new SecureRandom());

    assertThatThrownBy(() -> ImportFile.read(file, null, "wrong".toCharArray(), ImportLimits.defaults()))
        .isInstanceOfSatisfying(ImportFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(ImportFormatException.Reason.WRONG_PASSWORD));
    assertThatThrownBy(() -> ImportFile.read(file, null, null, ImportLimits.defaults()))
        .isInstanceOfSatisfying(ImportFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(ImportFormatException.Reason.PASSWORD_REQUIRED));
  }

  @Test
  void readWhenAKdfParameterIsLoweredThenDecryptionFailsBecauseTheHeaderIsAuthenticated() {
    String file = new String(WatchwordExport.write("Acme", null, ENTRIES, "pw-pw-pw-pw".toCharArray(),
        new SecureRandom()), StandardCharsets.UTF_8);
    String weakened = file.replace("\"iterations\" : 3", "\"iterations\" : 2");

    assertThat(weakened).isNotEqualTo(file);
    assertThatThrownBy(() -> ImportFile.read(weakened.getBytes(StandardCharsets.UTF_8), null,
        "pw-pw-pw-pw".toCharArray(), ImportLimits.defaults()))
        .isInstanceOfSatisfying(ImportFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(ImportFormatException.Reason.WRONG_PASSWORD));
  }

  @Test
  void readWhenTheFileDemandsHugeArgon2MemoryThenRefusedBeforeDeriving() {
    String hostile = "{\"watchwordExport\":1,\"kdf\":{\"algorithm\":\"argon2id\",\"memoryKiB\":2000000000,"
        + "\"iterations\":3,\"parallelism\":1,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\"},"
        + "\"cipher\":{\"algorithm\":\"AES-256-GCM\",\"nonce\":\"AAAAAAAAAAAAAAAA\"},\"payload\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}";

    assertThatThrownBy(() -> ImportFile.read(hostile.getBytes(StandardCharsets.UTF_8), null, "x".toCharArray(),
        ImportLimits.defaults()))
        .isInstanceOfSatisfying(ImportFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(ImportFormatException.Reason.LIMIT_EXCEEDED));
  }

  @Test
  void readWhenTheHeaderLacksAFieldThenAMalformedFileRefusalNotAnInternalError() {
    assertThatThrownBy(() -> ImportFile.read("{\"watchwordExport\":1}".getBytes(StandardCharsets.UTF_8), null,
        "x".toCharArray(), ImportLimits.defaults()))
        .isInstanceOfSatisfying(ImportFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(ImportFormatException.Reason.MALFORMED));
  }

  @Test
  void readWhenAMigrationClaimsAHugeBatchThenThatLineIsAProblemAndNothingHugeIsAllocated() {
    // MigrationPayload with batch_size (field 3) = 2^31 - 1 and batch_index (field 4) = 2^31 - 2
    byte[] payload = {0x18, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07,
        0x20, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
    String uri = "otpauth-migration://offline?data=" + java.net.URLEncoder.encode(
        java.util.Base64.getEncoder().encodeToString(payload), StandardCharsets.UTF_8);

    ImportResult result = ImportFile.readText(uri, ImportLimits.defaults());

    assertThat(result.entries()).isEmpty();
    assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("batch"));
  }
}
