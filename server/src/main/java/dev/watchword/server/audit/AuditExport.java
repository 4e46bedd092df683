package dev.watchword.server.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit events as CSV (RFC 4180, one header row) or as a JSON array, streaming page by page
 * so an export of millions of events needs no more memory than one page.
 */
public enum AuditExport {
  CSV("text/csv", "csv"), JSON("application/json", "json");

  private static final String[] COLUMNS = {"seq", "at", "actor", "actorId", "action", "vaultId", "entryId",
      "decision", "reason", "rule", "ip", "userAgent", "sessionId", "detail"};
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final MediaType mediaType;
  private final String extension;

  AuditExport(String mediaType, String extension) {
    this.mediaType = MediaType.parseMediaType(mediaType);
    this.extension = extension;
  }

  /** {@code csv} or {@code json}; anything else is a 400. */
  public static AuditExport of(String format) {
    try {
      return valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidAuditQueryException("format must be csv or json.");
    }
  }

  /** A file download of {@code events} (from {@link AuditTrail#export}) named {@code stem} and this format's extension. */
  public ResponseEntity<StreamingResponseBody> download(String stem, Consumer<OutputStream> events) {
    return ResponseEntity.ok()
        .contentType(mediaType)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(stem + "." + extension).build().toString())
        .body(events::accept);
  }

  /** Streams every event matching {@code query} to {@code out}. */
  public void write(AuditReader reader, AuditQuery query, OutputStream out) {
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      if (this == CSV) {
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
        reader.each(query, event -> printRow(csv, event));
        csv.flush();
      } else {
        try (JsonGenerator json = MAPPER.createGenerator(writer)) {
          json.writeStartArray();
          reader.each(query, event -> MAPPER.writeValue(json, event));
          json.writeEndArray();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text a person typed (a reason, a name, a user agent) is neutralised against spreadsheet formula
   * injection (OWASP "CSV injection"): a cell that would start a formula gets a leading quote.
   */
  static String cell(String text) {
    if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static void printRow(CSVPrinter csv, AuditRecord event) {
    try {
      csv.printRecord(event.seq(), event.at(), cell(event.actor()), event.actorId(), event.action(),
          event.vaultId(), event.entryId(), event.decision(), cell(event.reason()), cell(event.rule()), event.ip(),
          cell(event.userAgent()), event.sessionId(), cell(event.detail()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
