package dev.watchword.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFileTest {

  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
  /** Over two of the 1 MiB segments, so the file has a first, a middle and a last segment. */
  private static final byte[] CONTENTS = new byte[(5 << 20) / 2];

  @TempDir static Path directory;
  private static Path file;

  @BeforeAll
  static void writeOneBackup() throws IOException {
    new SecureRandom().nextBytes(CONTENTS);
    file = directory.resolve("backup.wwbackup");
    try (OutputStream out = BackupFile.create(Files.newOutputStream(file), PASSWORD, new SecureRandom())) {
      out.write(CONTENTS);
    }
  }

  @Test
  void contentsWhenThePasswordIsRightThenEveryByteComesBackAsOftenAsOpened() throws IOException {
    BackupFile.Contents contents = BackupFile.open(file).unlock(PASSWORD);

    for (int i = 0; i < 2; i++) {
      try (InputStream in = contents.open()) {
        assertThat(in.readAllBytes()).isEqualTo(CONTENTS);
      }
    }
  }

  @Test
  void contentsWhenThePasswordIsWrongThenRefusedAtTheFirstRead() {
    BackupFile.Contents contents = BackupFile.open(file).unlock("wrong horse battery staple".toCharArray());

    assertThatThrownBy(() -> contents.open().read())
        .isInstanceOf(BackupRefusedException.class).hasMessageContaining("does not open this backup");
  }

  @Test
  void contentsWhenTheLastSegmentIsMissingThenRefusedNotEndedEarly() throws IOException {
    byte[] whole = Files.readAllBytes(file);
    int header = new String(whole, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
    Path cut = Files.write(directory.resolve("cut.wwbackup"), Arrays.copyOf(whole, header + (2 << 20)));

    BackupFile.Contents contents = BackupFile.open(cut).unlock(PASSWORD);

    assertThatThrownBy(() -> contents.open().readAllBytes()).isInstanceOf(BackupRefusedException.class);
  }

  @Test
  void contentsWhenTheHeaderCostIsLoweredThenRefusedBecauseTheHeaderIsAuthenticated() throws IOException {
    String whole = Files.readString(file, StandardCharsets.ISO_8859_1);
    Path weakened = Files.writeString(directory.resolve("weak.wwbackup"),
        whole.replaceFirst("\"iterations\":3", "\"iterations\":2"), StandardCharsets.ISO_8859_1);

    BackupFile.Contents contents = BackupFile.open(weakened).unlock(PASSWORD);

    assertThatThrownBy(() -> contents.open().read()).isInstanceOf(BackupRefusedException.class);
  }

  @Test
  void openWhenTheHeaderDemandsHugeArgon2MemoryThenRefusedBeforeAskingForAPassword() throws IOException {
    Path hostile = Files.writeString(directory.resolve("hostile.wwbackup"), "{\"watchwordBackup\":1,\"kdf\":"
        + "{\"algorithm\":\"argon2id\",\"memoryKiB\":2000000000,\"iterations\":3,\"parallelism\":1,"
        + "\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\"},\"cipher\":{\"algorithm\":\"AES256_GCM_HKDF_1MB\"}}\n");

    assertThatThrownBy(() -> BackupFile.open(hostile))
        .isInstanceOf(BackupRefusedException.class).hasMessageContaining("Argon2id cost");
  }

  @Test
  void openWhenTheFileIsNoBackupThenRefusedNamingIt() throws IOException {
    Path export = Files.writeString(directory.resolve("export.json"), "{\"watchwordExport\":1}\n");
    Path binary = Files.write(directory.resolve("photo.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0});

    assertThatThrownBy(() -> BackupFile.open(export)).isInstanceOf(BackupRefusedException.class)
        .hasMessageContaining("is not a Watchword backup");
    assertThatThrownBy(() -> BackupFile.open(binary)).isInstanceOf(BackupRefusedException.class)
        .hasMessageContaining("is not a Watchword backup");
    assertThatThrownBy(() -> BackupFile.open(directory.resolve("missing"))).isInstanceOf(BackupRefusedException.class)
        .hasMessageContaining("there is no file");
  }
}
