package dev.watchword.otp.imports;

import static dev.watchword.otp.imports.ImportFuzzTest.FUZZ_LIMITS;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Watchword's own export reader ({@link WatchwordExport}), in two halves a fuzzer can reach: the file
 * as it arrives (the header, its cost and fields, before anything is derived), and what a right
 * password decrypts (the payload), which random bytes never authenticate into. For the second, each
 * input becomes the plaintext of an authentic export under a cheap Argon2id cost, so the fuzzer
 * explores the payload parser directly. The invariants are {@link ImportFuzzTest}'s: only {@link
 * ImportFormatException} escapes, with its place first, and no entry's {@code toString()} shows its seed.
 * Corpora: {@code WatchwordExportFuzzTestInputs/<method>/}; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -pl otp test -Dtest=WatchwordExportFuzzTest#<method>}.
 */
class WatchwordExportFuzzTest {

  private static final char[] PASSWORD = "test".toCharArray();

  @FuzzTest(maxDuration = "60s")
  void readWhenArbitraryFileThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] file = data.consumeRemainingAsBytes();
    ImportFuzzTest.check(() -> {
      var root = JsonDocuments.parse(file, "file");
      return WatchwordExport.matches(root) ? WatchwordExport.read(root, PASSWORD, FUZZ_LIMITS) : null;
    });
  }

  @FuzzTest(maxDuration = "60s")
  void readWhenTheRightPasswordDecryptsArbitraryBytesThenOnlyImportFormatException(FuzzedDataProvider data) {
    byte[] file = CheapExport.sealing(data.consumeRemainingAsBytes());
    ImportFuzzTest.check(() -> WatchwordExport.read(JsonDocuments.parse(file, "file"), PASSWORD, FUZZ_LIMITS));
  }

  /** The corpus's authentic seed really opens, so the fuzzer starts from the reader's success path. */
  @Test
  void readWhenTheCorpusSeedIsReadWithItsPasswordThenEveryEntryComesBack() throws Exception {
    byte[] seed;
    try (var in = getClass().getResourceAsStream("WatchwordExportFuzzTestInputs/"
        + "readWhenArbitraryFileThenOnlyImportFormatException/valid-cheap-kdf-three-entries")) {
      seed = in.readAllBytes();
    }

    ImportResult result = ImportFile.read(seed, "seed", PASSWORD, FUZZ_LIMITS);

    assertThat(result.format()).isEqualTo(ImportFormat.WATCHWORD);
    assertThat(result.entries()).hasSize(3);
    assertThat(result.problems()).isEmpty();
  }

  /**
   * Authentic exports for the password "test" at the cheapest Argon2id cost the reader accepts
   * (8 KiB, one pass), with a fixed salt and nonce: fine for a test, never for a real file.
   */
  static final class CheapExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NONCE = "AAECAwQFBgcICQoL";
    private static final ObjectNode KDF = JSON.createObjectNode().put("algorithm", "argon2id").put("memoryKiB", 8)
        .put("iterations", 1).put("parallelism", 1).put("salt", "c2FsdHNhbHRzYWx0c2FsdA==");
    private static final PasswordKey KEY = PasswordKey.read(KDF, FUZZ_LIMITS);
    private static final byte[] AES_KEY = KEY.derive(PASSWORD);

    private CheapExport() {}

    /** The export file whose payload decrypts to {@code plaintext}. */
    static byte[] sealing(byte[] plaintext) {
      try {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(AES_KEY, "AES"),
            new GCMParameterSpec(128, Base64.getDecoder().decode(NONCE)));
        cipher.updateAAD(KEY.associatedData(WatchwordExport.FORMAT_LABEL, NONCE));
        ObjectNode file = JSON.createObjectNode().put("watchwordExport", 1);
        file.set("kdf", KDF);
        file.putObject("cipher").put("algorithm", "AES-256-GCM").put("nonce", NONCE);
        file.put("payload", Base64.getEncoder().encodeToString(cipher.doFinal(plaintext)));
        return JSON.writeValueAsString(file).getBytes(StandardCharsets.UTF_8);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
