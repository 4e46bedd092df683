package dev.watchword.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.Oathtool;
import dev.watchword.server.support.ServerUnderTest;
import dev.watchword.server.support.TemporaryDirectories;
import dev.watchword.server.support.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code watchword backup} of the running server's installation and {@code watchword restore} of
 * it, on each database: a restored copy serves the same codes to the same users with an intact
 * audit trail; a wrong password, an altered byte or an occupied target changes nothing.
 */
public interface BackupRestoreContract extends ServerUnderTest {

  String PASSWORD = "correct horse battery staple";
  String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  String HOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  default void restoreWhenBackedUpWhileServingThenAServerOnTheCopyGivesTheSameCodesToTheSameUsers() throws Exception {
    Oathtool.assumeInstalled();
    ApiClient owner = newOwner("backup-owner");
    String vault = owner.newVault();
    String totp = owner.newEntry(vault, "{\"issuer\":\"ACME\",\"account\":\"ops\",\"secret\":\"" + TOTP_SECRET + "\"}");
    String hotp = owner.newEntry(vault,
        "{\"issuer\":\"Bank\",\"account\":\"ops\",\"type\":\"hotp\",\"counter\":0,\"secret\":\"" + HOTP_SECRET + "\"}");
    assertThat(owner.postJson(ApiClient.codePath(vault, hotp), "{}").json().path("counter").asLong()).isZero();

    BackupRun backup = backupWhileReleasingCodes(owner, vault, totp);
    Path dataDir = freshDataDir();
    String dbUrl = sameKindOfTarget();
    BackupRun restore = BackupRun.restore(restoreArgs(backup, dataDir, dbUrl), PASSWORD);

    assertThat(restore.status()).as(restore.shown()).isZero();
    assertThat(restore.out()).contains("audit log intact", "head file verified");
    try (RestoredServer restored = RestoredServer.start(dataDir, dbUrl)) {
      ApiClient sameOwner = restored.as(owner.token());
      JsonNode totpCode = sameOwner.postJson(ApiClient.codePath(vault, totp), "{}").json();
      JsonNode hotpCode = sameOwner.postJson(ApiClient.codePath(vault, hotp), "{}").json();
      JsonNode verified = sameOwner.get("/api/v1/audit/verify").json();

      long step = Instant.parse(totpCode.path("validFrom").asString()).getEpochSecond();
      assertThat(totpCode.path("code").asString()).isEqualTo(Oathtool.totp(TOTP_SECRET, "SHA1", 6, 30, step));
      assertThat(hotpCode.path("counter").asLong()).as("the counter goes on from the backup").isEqualTo(1);
      assertThat(hotpCode.path("code").asString()).isEqualTo(Oathtool.hotp(HOTP_SECRET, 6, 1));
      assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
    }
  }

  @Test
  default void restoreWhenIntoTheOtherDatabaseThenEveryRowArrivesAndTheAuditTrailVerifies() {
    releaseOneCode();
    BackupRun backup = backupOf();
    String dbUrl = sourceIsPostgres() ? null : emptyPostgresSchema().jdbcUrl();

    BackupRun restore = BackupRun.restore(restoreArgs(backup, freshDataDir(), dbUrl), PASSWORD);

    assertThat(restore.status()).as(restore.shown()).isZero();
    assertThat(restore.out()).contains("audit log intact");
  }

  @Test
  default void restoreWhenPasswordIsWrongThenRefusedAndNothingWritten() {
    BackupRun backup = backupOf();
    Path dataDir = freshDataDir();

    BackupRun restore = BackupRun.restore(restoreArgs(backup, dataDir, null), "wrong horse battery staple");

    assertThat(restore.status()).as(restore.shown()).isEqualTo(1);
    assertThat(restore.err()).contains("the password does not open this backup").doesNotContain("wrong horse");
    assertThat(dataDir).doesNotExist();
    assertThat(stagingDirectoriesBeside(dataDir)).isEmpty();
  }

  @Test
  default void restoreWhenOneByteIsFlippedAnywhereThenRefusedAndNothingWritten() throws IOException {
    BackupRun backup = backupOf();
    Path file = backupFile(backup);
    byte[] original = Files.readAllBytes(file);
    int headerEnd = new String(original, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\n');

    for (int position : List.of(headerEnd / 2, headerEnd + 10, original.length / 2, original.length - 1)) {
      byte[] altered = original.clone();
      altered[position] ^= 0x01;
      Path tampered = Files.write(file.resolveSibling("tampered-" + position + ".wwbackup"), altered);
      Path dataDir = freshDataDir();

      BackupRun restore = BackupRun.restore(
          List.of("--in", tampered.toString(), "--data-dir", dataDir.toString()), PASSWORD);

      assertThat(restore.status()).as("byte " + position + ": " + restore.shown()).isEqualTo(1);
      assertThat(dataDir).as("byte " + position).doesNotExist();
    }
  }

  @Test
  default void restoreWhenTheFileIsCutShortThenRefusedAndNothingWritten() throws IOException {
    BackupRun backup = backupOf();
    byte[] whole = Files.readAllBytes(backupFile(backup));
    Path truncated = Files.write(backupFile(backup).resolveSibling("truncated.wwbackup"),
        java.util.Arrays.copyOf(whole, whole.length - 100));
    Path dataDir = freshDataDir();

    BackupRun restore = BackupRun.restore(List.of("--in", truncated.toString(), "--data-dir", dataDir.toString()),
        PASSWORD);

    assertThat(restore.status()).as(restore.shown()).isEqualTo(1);
    assertThat(dataDir).doesNotExist();
  }

  @Test
  default void restoreWhenTheDataDirectoryHoldsAnythingThenRefusedBeforeAskingForThePassword() throws IOException {
    BackupRun backup = backupOf();
    Path dataDir = Files.createDirectories(freshDataDir());
    Files.writeString(dataDir.resolve("watchword.db"), "not to be touched");

    BackupRun restore = BackupRun.restore(restoreArgs(backup, dataDir, null), null);

    assertThat(restore.status()).as(restore.shown()).isEqualTo(1);
    assertThat(restore.err()).contains("is not empty").doesNotContain("password");
    assertThat(Files.readString(dataDir.resolve("watchword.db"))).isEqualTo("not to be touched");
  }

  @Test
  default void restoreWhenThePostgresSchemaHasTablesThenRefusedAndTheyAreKept() {
    BackupRun backup = backupOf();
    TestPostgres occupied = emptyPostgresSchema();
    occupied.execute("CREATE TABLE app_user (id TEXT PRIMARY KEY)");
    Path dataDir = freshDataDir();

    BackupRun restore = BackupRun.restore(restoreArgs(backup, dataDir, occupied.jdbcUrl()), PASSWORD);

    assertThat(restore.status()).as(restore.shown()).isEqualTo(1);
    assertThat(restore.err()).contains("already has tables [app_user]");
    assertThat(occupied.tables()).containsExactly("app_user");
    assertThat(dataDir).doesNotExist();
  }

  @Test
  default void restoreWhenLoadingFailsPartWayThenTheCreatedTablesAndTheStagingDirectoryAreRemoved()
      throws IOException {
    Path file = backupWithATableThisSchemaLacks();
    TestPostgres schema = emptyPostgresSchema();
    Path sqliteDataDir = freshDataDir();
    Path postgresDataDir = freshDataDir();

    BackupRun intoSqlite = BackupRun.restore(
        List.of("--in", file.toString(), "--data-dir", sqliteDataDir.toString()), PASSWORD);
    BackupRun intoPostgres = BackupRun.restore(List.of("--in", file.toString(), "--data-dir",
        postgresDataDir.toString(), "--db-url", schema.jdbcUrl()), PASSWORD);

    for (BackupRun restore : List.of(intoSqlite, intoPostgres)) {
      assertThat(restore.status()).as(restore.shown()).isEqualTo(1);
      assertThat(restore.err()).contains("no_such_table");
    }
    assertThat(schema.tables()).as("the tables the restore's migrations created").isEmpty();
    for (Path dataDir : List.of(sqliteDataDir, postgresDataDir)) {
      assertThat(dataDir).doesNotExist();
      assertThat(stagingDirectoriesBeside(dataDir)).isEmpty();
    }
  }

  @Test
  default void backupWhenTheOutputFileExistsThenRefusedAndTheFileKept() throws IOException {
    Path existing = Files.writeString(TemporaryDirectories.create("watchword-backup-").resolve("keep.wwbackup"),
        "an older backup");

    BackupRun backup = BackupRun.backup(backupArgs(existing), PASSWORD);

    assertThat(backup.status()).as(backup.shown()).isEqualTo(1);
    assertThat(backup.err()).contains("already exists");
    assertThat(Files.readString(existing)).isEqualTo("an older backup");
  }

  @Test
  default void backupWhenThePasswordIsShortThenRefusedAndNothingWritten() {
    Path file = TemporaryDirectories.create("watchword-backup-").resolve("short.wwbackup");

    BackupRun backup = BackupRun.backup(backupArgs(file), "too short");

    assertThat(backup.status()).as(backup.shown()).isEqualTo(1);
    assertThat(backup.err()).contains("at least 15 characters").doesNotContain("too short");
    assertThat(file.getParent()).isEmptyDirectory();
  }

  // --- helpers ---

  private boolean sourceIsPostgres() {
    return offlineAuditArgs().contains("--db-url");
  }

  /** A fresh empty PostgreSQL schema for a PostgreSQL source, else null (SQLite in the data directory). */
  private String sameKindOfTarget() {
    return sourceIsPostgres() ? emptyPostgresSchema().jdbcUrl() : null;
  }

  private static TestPostgres emptyPostgresSchema() {
    TestPostgres postgres = TestPostgres.freshSchema();
    postgres.assumeAvailable();
    return postgres.createSchema();
  }

  /** A path for a data directory that does not exist yet, in a directory deleted at exit. */
  private static Path freshDataDir() {
    return TemporaryDirectories.create("watchword-restore-").resolve("data");
  }

  private ApiClient newOwnerNamed() {
    return newOwner("backup-" + java.util.UUID.randomUUID().toString().substring(0, 6));
  }

  private void releaseOneCode() {
    ApiClient owner = newOwnerNamed();
    String vault = owner.newVault();
    owner.postJson(ApiClient.codePath(vault, owner.newTotpEntry(vault, TOTP_SECRET)), "{}");
  }

  private List<String> backupArgs(Path file) {
    List<String> args = new ArrayList<>(offlineAuditArgs());
    args.addAll(List.of("--out", file.toString()));
    return args;
  }

  /** A backup of the running installation as it is now. */
  private BackupRun backupOf() {
    BackupRun backup = BackupRun.backup(backupArgs(
        TemporaryDirectories.create("watchword-backup-").resolve("installation.wwbackup")), PASSWORD);
    assertThat(backup.status()).as(backup.shown()).isZero();
    return backup;
  }

  /** A backup taken while another thread keeps releasing codes, so the audit chain grows during the snapshot. */
  private BackupRun backupWhileReleasingCodes(ApiClient owner, String vault, String entry) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger released = new AtomicInteger();
    Thread releaser = new Thread(() -> {
      while (!done.get()) {
        if (owner.postJson(ApiClient.codePath(vault, entry), "{\"reason\":\"during backup\"}").status() == 200) {
          released.incrementAndGet();
        }
      }
    });
    releaser.start();
    try {
      while (released.get() < 3) {
        Thread.sleep(10);
      }
      return backupOf();
    } finally {
      done.set(true);
      releaser.join();
    }
  }

  /** A well-formed backup of this schema version whose contents name a table no migration creates. */
  private Path backupWithATableThisSchemaLacks() throws IOException {
    List<String> versions = jdbc().sql("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")
        .query(String.class).list().stream().map(org.flywaydb.core.api.MigrationVersion::fromVersion).sorted()
        .map(org.flywaydb.core.api.MigrationVersion::getVersion).toList();
    Path file = TemporaryDirectories.create("watchword-backup-").resolve("odd.wwbackup");
    try (var out = BackupFile.create(Files.newOutputStream(file), PASSWORD.toCharArray(),
        new java.security.SecureRandom())) {
      ContentsWriter contents = new ContentsWriter(out);
      contents.manifest(new Manifest(Instant.now(), "sqlite", versions, new byte[] {1}, null));
      contents.table("no_such_table", List.of("id"));
      contents.row(List.of("x"));
      contents.endTable();
      contents.finish();
    }
    return file;
  }

  private static Path backupFile(BackupRun backup) {
    String line = backup.out().lines().filter(l -> l.startsWith("backup written: ")).findFirst().orElseThrow();
    return Path.of(line.substring("backup written: ".length(), line.indexOf(" (")));
  }

  private static List<String> restoreArgs(BackupRun backup, Path dataDir, String dbUrl) {
    List<String> args = new ArrayList<>(List.of("--in", backupFile(backup).toString(), "--data-dir",
        dataDir.toString()));
    if (dbUrl != null) {
      args.addAll(List.of("--db-url", dbUrl));
    }
    return args;
  }

  private static List<Path> stagingDirectoriesBeside(Path dataDir) {
    try (var siblings = Files.list(dataDir.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith(".watchword-restore-")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
