package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditRecord;
import java.util.List;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of an event, the same object {@code /api/v1/audit} and the JSON export return. Output
 * is pure ASCII (other characters as {@code \\uXXXX} escapes) and holds no line break, so it is a
 * valid RFC 5424 MSG without a BOM and one line of a JSON-lines file.
 */
final class EventJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private EventJson() {}

  static byte[] event(AuditRecord event) {
    return MAPPER.writeValueAsBytes(event);
  }

  /** A webhook body: {@code {"events":[...]}}, oldest first. */
  static byte[] batch(List<AuditRecord> events) {
    return MAPPER.writeValueAsBytes(new Batch(events));
  }

  private record Batch(List<AuditRecord> events) {}
}
