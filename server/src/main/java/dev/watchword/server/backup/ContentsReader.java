package dev.watchword.server.backup;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads what {@link ContentsWriter} wrote, checking the structure as it goes: every table closes
 * with its own name and row count, and the last line counts the tables and rows. Table and column
 * names must be plain SQL identifiers, since the restore writes them into statements.
 *
 * <p>The contents arrive already authenticated ({@link BackupFile}), so a structural error means
 * another version's format or a bug, never an attacker; it is still refused, not guessed around.
 */
final class ContentsReader implements Closeable {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final BufferedReader lines;
  private String table;
  private int columns;
  private long tableRows;
  private int tables;
  private long rows;

  ContentsReader(InputStream in) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** One table's name and its columns, in the order of each row's values. */
  record Table(String name, List<String> columns) {}

  Manifest manifest() {
    JsonNode line = next("the manifest");
    try {
      List<String> versions = new ArrayList<>();
      line.path("schemaVersions").forEach(version -> versions.add(version.asString()));
      JsonNode files = line.path("files");
      JsonNode head = files.get("auditHead");
      return new Manifest(Instant.parse(line.path("createdAt").asString()), line.path("database").asString(),
          versions, Base64.getDecoder().decode(files.path("masterKey").asString()),
          head == null ? null : Base64.getDecoder().decode(head.asString()));
    } catch (RuntimeException e) {
      throw malformed("the manifest");
    }
  }

  /** The next table, or empty after the last one (whose totals are then checked). */
  Optional<Table> nextTable() {
    JsonNode line = next("a table");
    if (line.has("complete")) {
      JsonNode complete = line.get("complete");
      if (complete.path("tables").asLong(-1) != tables || complete.path("rows").asLong(-1) != rows) {
        throw malformed("its totals");
      }
      requireEnd();
      return Optional.empty();
    }
    String name = identifier(line.path("table"), "a table name");
    List<String> names = new ArrayList<>();
    line.path("columns").forEach(column -> names.add(identifier(column, "a column name of " + name)));
    if (names.isEmpty()) {
      throw malformed("table " + name);
    }
    table = name;
    columns = names.size();
    tableRows = 0;
    return Optional.of(new Table(name, names));
  }

  /**
   * The next row of the current table, each value a Long, String, Boolean, byte[] or null; null
   * after its last row.
   */
  List<Object> nextRow() {
    JsonNode line = next("table " + table);
    if (line.isObject()) {
      if (!table.equals(line.path("end").asString(null)) || line.path("rows").asLong(-1) != tableRows) {
        throw malformed("the end of table " + table);
      }
      tables++;
      rows += tableRows;
      return null;
    }
    if (!line.isArray() || line.size() != columns) {
      throw malformed("row " + (tableRows + 1) + " of table " + table);
    }
    List<Object> values = new ArrayList<>(columns);
    for (JsonNode value : line) {
      values.add(value(value));
    }
    tableRows++;
    return values;
  }

  private Object value(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isObject() && value.size() == 1 && value.path("b").isString()) {
      try {
        return Base64.getDecoder().decode(value.path("b").stringValue());
      } catch (IllegalArgumentException notBase64) {
        // refused below
      }
    }
    throw malformed("row " + (tableRows + 1) + " of table " + table);
  }

  private JsonNode next(String what) {
    String line;
    try {
      line = lines.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (line == null) {
      throw malformed(what + " (the contents end early)");
    }
    try {
      return ContentsWriter.JSON.readTree(line);
    } catch (JacksonException e) {
      throw malformed(what);
    }
  }

  private void requireEnd() {
    try {
      if (lines.readLine() != null) {
        throw malformed("its end (there is more after the last line)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String identifier(JsonNode node, String what) {
    String name = node.asString(null);
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw malformed(what);
    }
    return name;
  }

  private static BackupRefusedException malformed(String where) {
    return new BackupRefusedException("the backup's contents are malformed at " + where
        + "; it was not written by this version of Watchword");
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
