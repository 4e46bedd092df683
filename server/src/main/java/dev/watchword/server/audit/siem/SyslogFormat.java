package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Formats an audit event as one RFC 5424 SYSLOG-MSG:
 * {@code <PRI>1 TIMESTAMP HOSTNAME watchword PROCID MSGID [watchword@32473 seq=".." ...] {json}}.
 *
 * <p>Guarantees: every header field is PRINTUSASCII within its RFC 5424 §6 length, or the NILVALUE
 * {@code -}; every PARAM-VALUE escapes {@code "}, {@code \} and {@code ]} (§6.3.3); MSG is the
 * event's JSON in pure ASCII, so it needs no BOM (§6.4) and holds no line break.
 */
final class SyslogFormat {

  /** The SD-ID, an enterprise-specific one (§7.2.2); 32473 is the private enterprise number RFC 5612 reserves for documentation. */
  static final String SD_ID = "watchword@32473";
  static final String APP_NAME = "watchword";

  // §6.2.1: severity 5 notice for allowed actions, 4 warning for denied ones
  static final int NOTICE = 5;
  static final int WARNING = 4;

  private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
      "news", "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0", "local1",
      "local2", "local3", "local4", "local5", "local6", "local7");

  // §6.2.3: FULL-DATE "T" PARTIAL-TIME TIME-OFFSET, at most 6 fraction digits; we give milliseconds in UTC
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final int facility;
  private final String hostname;
  private final String procId;

  /**
   * @param facility 0 to 23 (see {@link #facilityCode})
   * @param hostname PRINTUSASCII, at most 255 characters (§6.2.4)
   * @param pid the PROCID (§6.2.6)
   */
  SyslogFormat(int facility, String hostname, long pid) {
    if (facility < 0 || facility > 23) {
      throw new IllegalArgumentException("facility must be between 0 and 23");
    }
    this.facility = facility;
    this.hostname = printUsAscii(hostname, 255);
    this.procId = printUsAscii(Long.toString(pid), 128);
  }

  /** A facility by its usual name ({@code authpriv}) or its number ({@code 10}), §6.2.1 Table 1. */
  static int facilityCode(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    int index = FACILITIES.indexOf(key);
    if (index >= 0) {
      return index;
    }
    try {
      int code = Integer.parseInt(key);
      if (code >= 0 && code <= 23) {
        return code;
      }
    } catch (NumberFormatException e) {
      // fall through to the refusal below
    }
    throw new IllegalArgumentException("watchword.audit.sinks.syslog.facility must be a syslog facility name or 0-23");
  }

  /** The SYSLOG-MSG of {@code event} as UTF-8 bytes (ASCII except inside PARAM-VALUEs). */
  byte[] message(AuditRecord event) {
    int severity = "deny".equals(event.decision()) ? WARNING : NOTICE;
    StringBuilder header = new StringBuilder(256)
        .append('<').append(facility * 8 + severity).append(">1 ")        // §6.2.1 PRI, §6.2.2 VERSION
        .append(TIMESTAMP.format(event.at())).append(' ')                // §6.2.3 TIMESTAMP
        .append(hostname).append(' ')                                    // §6.2.4 HOSTNAME
        .append(APP_NAME).append(' ')                                    // §6.2.5 APP-NAME
        .append(procId).append(' ')                                      // §6.2.6 PROCID
        .append(printUsAscii(event.action(), 32)).append(' ');           // §6.2.7 MSGID
    header.append(structuredData(event)).append(' ');                     // §6.3 STRUCTURED-DATA
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    out.writeBytes(header.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(EventJson.event(event));                             // §6.4 MSG
    return out.toByteArray();
  }

  /** §6.3: one SD-ELEMENT; parameters without a value are left out. */
  static String structuredData(AuditRecord event) {
    StringBuilder sd = new StringBuilder(200).append('[').append(SD_ID);
    param(sd, "seq", Long.toString(event.seq()));
    param(sd, "actor", event.actor());
    param(sd, "action", event.action());
    param(sd, "vault", event.vaultId());
    param(sd, "entry", event.entryId());
    param(sd, "decision", event.decision());
    param(sd, "rule", event.rule());
    param(sd, "ip", event.ip());
    param(sd, "session", event.sessionId());
    return sd.append(']').toString();
  }

  private static void param(StringBuilder sd, String name, String value) {
    if (value == null) {
      return;
    }
    sd.append(' ').append(name).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c == ']') {                          // §6.3.3
        sd.append('\\');
      }
      sd.append(c);
    }
    sd.append('"');
  }

  /** {@code value} as PRINTUSASCII (%d33-126), others replaced by {@code _}, cut to {@code max}; {@code -} if empty. */
  static String printUsAscii(String value, int max) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    for (int i = 0; i < value.length() && out.length() < max; i++) {
      char c = value.charAt(i);
      out.append(c >= 33 && c <= 126 ? c : '_');
    }
    return out.toString();
  }

  static boolean isPrintUsAscii(String value, int max) {
    return !value.isEmpty() && value.length() <= max && value.chars().allMatch(c -> c >= 33 && c <= 126);
  }
}
