package dev.watchword.server.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a backup's contents as JSON lines: the manifest, then each table as a header line
 * {@code {"table","columns"}}, one JSON array per row and {@code {"end","rows"}}, then
 * {@code {"complete":{"tables","rows"}}}. Values are JSON null, whole numbers, strings, booleans,
 * and bytes as {@code {"b":Base64}}: the same for both databases, so a backup restores into either.
 */
final class ContentsWriter {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final OutputStream out;
  private String table;
  private long tableRows;
  private int tables;
  private long rows;

  ContentsWriter(OutputStream out) {
    this.out = new BufferedOutputStream(out, 1 << 16);
  }

  void manifest(Manifest manifest) {
    ObjectNode line = JSON.createObjectNode();
    line.put("createdAt", manifest.createdAt().toString()).put("database", manifest.database());
    manifest.schemaVersions().forEach(line.putArray("schemaVersions")::add);
    ObjectNode files = line.putObject("files");
    files.put("masterKey", Base64.getEncoder().encodeToString(manifest.masterKey()));
    if (manifest.auditHead() != null) {
      files.put("auditHead", Base64.getEncoder().encodeToString(manifest.auditHead()));
    }
    write(line);
  }

  void table(String name, List<String> columns) {
    ObjectNode line = JSON.createObjectNode().put("table", name);
    columns.forEach(line.putArray("columns")::add);
    write(line);
    table = name;
    tableRows = 0;
  }

  /** One row; each value a Long, String, Boolean, byte[] or null, in the order of the columns. */
  void row(List<Object> values) {
    ArrayNode line = JSON.createArrayNode();
    for (Object value : values) {
      if (value == null) {
        line.addNull();
      } else if (value instanceof Long number) {
        line.add(number);
      } else if (value instanceof String text) {
        line.add(text);
      } else if (value instanceof Boolean flag) {
        line.add(flag);
      } else if (value instanceof byte[] bytes) {
        line.addObject().put("b", Base64.getEncoder().encodeToString(bytes));
      } else {
        throw new IllegalArgumentException("not a backup value: " + value.getClass().getSimpleName());
      }
    }
    write(line);
    tableRows++;
  }

  void endTable() {
    write(JSON.createObjectNode().put("end", table).put("rows", tableRows));
    tables++;
    rows += tableRows;
  }

  /** The last line, then flushes; the caller closes the stream, which seals the last segment. */
  void finish() {
    ObjectNode line = JSON.createObjectNode();
    line.putObject("complete").put("tables", tables).put("rows", rows);
    write(line);
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int tables() {
    return tables;
  }

  long rows() {
    return rows;
  }

  private void write(JsonNode line) {
    try {
      out.write(JSON.writeValueAsBytes(line));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
