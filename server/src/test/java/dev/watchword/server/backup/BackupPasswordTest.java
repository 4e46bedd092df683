package dev.watchword.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupPasswordTest {

  @Test
  void forBackupWhenTheVariableIsSetThenItWinsOverStandardInput() {
    BackupPassword passwords = new BackupPassword(Map.of(BackupPassword.VARIABLE, "from the environment"), null,
        stdin("from standard input\n"));

    assertThat(passwords.forBackup()).isEqualTo("from the environment".toCharArray());
  }

  @Test
  void forRestoreWhenNoVariableAndNoTerminalThenTheFirstLineOfStandardInput() {
    BackupPassword passwords = new BackupPassword(Map.of(), null, stdin("piped password\r\nsecond line\n"));

    assertThat(passwords.forRestore()).isEqualTo("piped password".toCharArray());
  }

  @Test
  void forBackupWhenShorterThanFifteenCharactersThenRefusedWithoutEchoingIt() {
    BackupPassword passwords = new BackupPassword(Map.of(BackupPassword.VARIABLE, "hunter2"), null, stdin(""));

    assertThatThrownBy(passwords::forBackup).isInstanceOf(BackupRefusedException.class)
        .hasMessageContaining("at least 15").hasMessageNotContaining("hunter2");
  }

  @Test
  void forRestoreWhenThereIsNoPasswordAnywhereThenRefusedSayingWhereToPutIt() {
    BackupPassword passwords = new BackupPassword(Map.of(), null, stdin(""));

    assertThatThrownBy(passwords::forRestore).isInstanceOf(BackupRefusedException.class)
        .hasMessageContaining(BackupPassword.VARIABLE);
  }

  @Test
  void toStringWhenPrintedThenHoldsNoPassword() {
    BackupPassword passwords = new BackupPassword(Map.of(BackupPassword.VARIABLE, "very secret value"), null, stdin(""));

    assertThat(passwords.toString()).doesNotContain("very secret value");
  }

  private static ByteArrayInputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
