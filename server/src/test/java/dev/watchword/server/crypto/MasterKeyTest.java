package dev.watchword.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.aead.AeadConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class MasterKeyTest {

  @TempDir
  Path dataDir;

  private JdbcClient jdbc;

  @BeforeAll
  static void registerTink() throws Exception {
    AeadConfig.register();
  }

  @BeforeEach
  void migrate() {
    jdbc = freshDatabase(dataDir.resolve("watchword.db"));
  }

  @Test
  void openWhenNoKeyFileAndEmptyDatabaseThenCreatesOwnerOnlyKeyFile() throws Exception {
    MasterKey.open(keyFile(), jdbc, 0);

    Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM master_key_check").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void openWhenKeyFileIsReadableByOthersThenRefusesWithChmodAdvice() throws Exception {
    MasterKey.open(keyFile(), jdbc, 0);
    Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> MasterKey.open(keyFile(), jdbc, 0))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("accessible to other users")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void openWhenKeyFileIsMissingButDataExistsThenRefusesInsteadOfCreatingANewKey() throws Exception {
    MasterKey.open(keyFile(), jdbc, 0);
    Files.delete(dataDir.resolve(MasterKeyFile.FILE_NAME));

    assertThatThrownBy(() -> MasterKey.open(keyFile(), jdbc, 0))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("missing");
    assertThat(Files.exists(dataDir.resolve(MasterKeyFile.FILE_NAME))).isFalse();
  }

  @Test
  void openWhenKeyFileBelongsToAnotherInstallationThenRefuses(@TempDir Path otherDir) throws Exception {
    MasterKey.open(keyFile(), jdbc, 0);
    MasterKey.open(new MasterKeyFile(otherDir.resolve(MasterKeyFile.FILE_NAME)),
        freshDatabase(otherDir.resolve("other.db")), 0);
    Files.copy(otherDir.resolve(MasterKeyFile.FILE_NAME), dataDir.resolve(MasterKeyFile.FILE_NAME),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> MasterKey.open(keyFile(), jdbc, 0))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("does not open this database");
  }

  @Test
  void openWhenKeyFileIsNotAKeysetThenRefusesWithoutQuotingIt() throws Exception {
    Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);
    Files.writeString(file, "not-a-keyset-SECRETISH");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> MasterKey.open(keyFile(), jdbc, 0))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("not a valid")
        .message().doesNotContain("SECRETISH");
  }

  private MasterKeyFile keyFile() {
    return new MasterKeyFile(dataDir.resolve(MasterKeyFile.FILE_NAME));
  }

  private static JdbcClient freshDatabase(Path file) {
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:sqlite:" + file, true);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/sqlite").load().migrate();
    return JdbcClient.create(dataSource);
  }
}
