package dev.watchword.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.otp.Secret;
import dev.watchword.server.audit.AuditChainContract;
import dev.watchword.server.audit.AuditQueryContract;
import dev.watchword.server.backup.BackupRestoreContract;
import dev.watchword.server.crypto.StorageContract;
import dev.watchword.server.identity.OrgRoleContract;
import dev.watchword.server.identity.PasskeyContract;
import dev.watchword.server.identity.SignInContract;
import dev.watchword.server.policy.OrgPolicyContract;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.SqliteServerTest;
import dev.watchword.server.vault.AccessRequestContract;
import dev.watchword.server.vault.EntryEditContract;
import dev.watchword.server.vault.EntryTagContract;
import dev.watchword.server.vault.GroupContract;
import dev.watchword.server.vault.ImportContract;
import dev.watchword.server.vault.HotpConcurrencyContract;
import dev.watchword.server.vault.IsolationMatrixContract;
import dev.watchword.server.vault.MembershipContract;
import dev.watchword.server.vault.PolicyContract;
import dev.watchword.server.vault.ReleaseRulesContract;
import dev.watchword.server.vault.SeedRevealContract;
import dev.watchword.server.vault.TwoPersonReleaseContract;
import dev.watchword.server.vault.VaultApiContract;
import dev.watchword.server.web.AdminPagesContract;
import dev.watchword.server.web.BadInputContract;
import dev.watchword.server.web.OpenApiDocumentContract;
import dev.watchword.server.web.WebSessionContract;
import dev.watchword.server.web.VaultPagesContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The whole API contract on the embedded SQLite database, and a scan of its files. */
class SqliteApiTest extends SqliteServerTest
    implements VaultApiContract, BadInputContract, HotpConcurrencyContract, StorageContract, SignInContract,
    MembershipContract, PasskeyContract, ReleaseRulesContract,
    IsolationMatrixContract, SeedRevealContract, TwoPersonReleaseContract, GroupContract,
    AccessRequestContract, EntryTagContract, EntryEditContract,
    PolicyContract, OrgPolicyContract, OrgRoleContract, OpenApiDocumentContract, AuditChainContract,
    AuditQueryContract, ImportContract, WebSessionContract, AdminPagesContract, VaultPagesContract,
    BackupRestoreContract {

  private static final String SEED_BASE32 = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPI2DKNRXHA4TA";

  @Test
  void dataDirectoryWhenServerRunsThenKeyAndDatabaseFilesAreOwnerOnly() throws Exception {
    for (String name : List.of("master.key", "watchword.db")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(DATA_DIR.resolve(name)))).as(name).isEqualTo("rw-------");
    }
  }

  @Test
  void dataDirectoryWhenEntriesAreStoredAndUsedThenHoldsNoPlaintextSeed() throws Exception {
    ApiClient alice = newMember("alice");
    String vault = alice.postJson("/api/v1/vaults", "{\"name\":\"Scan\"}").text("id");
    for (String type : List.of("totp", "hotp")) {
      String entry = alice.postJson("/api/v1/vaults/" + vault + "/entries",
          "{\"account\":\"" + type + "\",\"type\":\"" + type + "\",\"secret\":\"" + SEED_BASE32 + "\"}").text("id");
      assertThat(alice.postJson("/api/v1/vaults/" + vault + "/entries/" + entry + "/code", "{}").status())
          .isEqualTo(200);
    }
    byte[] seed = Secret.fromBase32(SEED_BASE32).bytes();
    List<byte[]> needles = List.of(
        seed,
        SEED_BASE32.getBytes(StandardCharsets.US_ASCII),
        SEED_BASE32.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
        HexFormat.of().formatHex(seed).getBytes(StandardCharsets.US_ASCII),
        HexFormat.of().withUpperCase().formatHex(seed).getBytes(StandardCharsets.US_ASCII),
        java.util.Base64.getEncoder().encode(seed));

    List<Path> files;
    try (Stream<Path> walk = Files.walk(DATA_DIR)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("watchword.db", "master.key");
    for (Path file : files) {
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (java.nio.file.NoSuchFileException renamed) {
        // The audit head file is written to a temporary file and moved into place, after commits,
        // off the request path: one seen by the walk may be gone by now (its content is the head).
        continue;
      }
      for (byte[] needle : needles) {
        assertThat(StorageContract.indexOf(content, needle)).as(file + " contains the seed").isNegative();
      }
    }
  }
}
