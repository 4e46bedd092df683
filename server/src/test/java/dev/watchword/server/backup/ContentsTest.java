package dev.watchword.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentsTest {

  private static final Manifest MANIFEST =
      new Manifest(Instant.parse("2026-01-02T03:04:05Z"), "sqlite", List.of("1", "2"), new byte[] {7, 8}, null);

  @Test
  void readWhenWrittenThenTheManifestTablesAndEveryKindOfValueComeBack() throws Exception {
    List<Object> row = Arrays.asList(null, 42L, "text with \n newline", true, new byte[] {0, -1, 2});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContentsWriter writer = new ContentsWriter(out);
    writer.manifest(MANIFEST);
    writer.table("entry", List.of("a", "b", "c", "d", "e"));
    writer.row(row);
    writer.endTable();
    writer.table("vault", List.of("id"));
    writer.endTable();
    writer.finish();

    try (ContentsReader reader = new ContentsReader(new ByteArrayInputStream(out.toByteArray()))) {
      Manifest manifest = reader.manifest();
      assertThat(manifest.schemaVersions()).containsExactly("1", "2");
      assertThat(manifest.masterKey()).containsExactly(7, 8);
      assertThat(manifest.auditHead()).isNull();
      assertThat(reader.nextTable()).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("entry"));
      assertThat(reader.nextRow()).usingRecursiveFieldByFieldElementComparator().isEqualTo(row);
      assertThat(reader.nextRow()).isNull();
      assertThat(reader.nextTable()).hasValueSatisfying(t -> assertThat(t.columns()).containsExactly("id"));
      assertThat(reader.nextRow()).isNull();
      assertThat(reader.nextTable()).isEmpty();
    }
  }

  @Test
  void readWhenARowIsMissingFromItsTableThenRefused() {
    String contents = manifestLine() + "{\"table\":\"vault\",\"columns\":[\"id\"]}\n[\"a\"]\n{\"end\":\"vault\",\"rows\":2}\n";

    assertThatThrownBy(() -> readAll(contents)).isInstanceOf(BackupRefusedException.class)
        .hasMessageContaining("the end of table vault");
  }

  @Test
  void readWhenATableNameIsNoPlainIdentifierThenRefusedBeforeItReachesSql() {
    String contents = manifestLine() + "{\"table\":\"vault; DROP TABLE app_user\",\"columns\":[\"id\"]}\n";

    assertThatThrownBy(() -> readAll(contents)).isInstanceOf(BackupRefusedException.class)
        .hasMessageContaining("a table name");
  }

  @Test
  void readWhenTheContentsStopBeforeTheirLastLineThenRefused() {
    assertThatThrownBy(() -> readAll(manifestLine())).isInstanceOf(BackupRefusedException.class)
        .hasMessageContaining("end early");
  }

  @Test
  void manifestToStringWhenPrintedThenHoldsNoMasterKey() {
    assertThat(MANIFEST.toString()).doesNotContain("[7, 8]").doesNotContain("masterKey");
  }

  private static String manifestLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContentsWriter writer = new ContentsWriter(out);
    writer.manifest(MANIFEST);
    writer.finish();
    String written = out.toString(StandardCharsets.UTF_8);
    return written.substring(0, written.indexOf('\n') + 1);
  }

  private static void readAll(String contents) throws Exception {
    try (ContentsReader reader = new ContentsReader(new ByteArrayInputStream(contents.getBytes(StandardCharsets.UTF_8)))) {
      reader.manifest();
      while (reader.nextTable().isPresent()) {
        while (reader.nextRow() != null) {
          // read on
        }
      }
    }
  }
}
