package dev.watchword.server.audit.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class FileSinkTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path directory;

  @Test
  void deliverWhenFileIsNewThenOwnerOnlyAndOneJsonObjectPerLine() throws Exception {
    Path file = directory.resolve("audit.jsonl");

    new FileSink(file).deliver(List.of(TestEvents.event(1).build(), TestEvents.event(2).actor("Zoë").build()));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines.get(1)).path("actor").asString()).isEqualTo("Zoë");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void deliverWhenLastLineIsTornThenNextBatchStartsOnANewLine() throws Exception {
    Path file = directory.resolve("audit.jsonl");
    Files.writeString(file, "{\"seq\":1}\n{\"seq\":2,\"act", StandardCharsets.UTF_8);

    new FileSink(file).deliver(List.of(TestEvents.event(2).build()));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(JSON.readTree(lines.get(2)).path("seq").asLong()).isEqualTo(2);
  }

  @Test
  void deliverWhenFileWasMovedAwayOrTruncatedByLogrotateThenNextBatchGoesToTheConfiguredPath() throws Exception {
    Path file = directory.resolve("audit.jsonl");
    FileSink sink = new FileSink(file);
    sink.deliver(List.of(TestEvents.event(1).build()));
    Files.move(file, directory.resolve("audit.jsonl.1"));

    sink.deliver(List.of(TestEvents.event(2).build()));
    Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING); // copytruncate
    sink.deliver(List.of(TestEvents.event(3).build()));

    assertThat(Files.readAllLines(directory.resolve("audit.jsonl.1"))).hasSize(1);
    assertThat(Files.readAllLines(file)).singleElement()
        .satisfies(line -> assertThat(JSON.readTree(line).path("seq").asLong()).isEqualTo(3));
  }
}
