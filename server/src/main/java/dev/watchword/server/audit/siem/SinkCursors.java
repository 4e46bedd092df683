package dev.watchword.server.audit.siem;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each sink's cursor in {@code audit_sink_cursor}: the sequence number up to which it has
 * delivered. Each statement runs in a short transaction of its own (auto-commit), never inside
 * a caller's. The same SQL runs on SQLite and PostgreSQL.
 *
 * <p>A cursor on {@code seq} skips nothing: appenders claim sequence numbers under the lock on
 * {@code audit_head} and hold it until they commit, so events become visible in sequence order.
 */
@Repository
class SinkCursors {

  private final JdbcClient jdbc;

  SinkCursors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The sink's cursor; 0 (the whole trail is still to deliver) for a sink never run. */
  long cursor(String sink) {
    return jdbc.sql("SELECT seq FROM audit_sink_cursor WHERE sink = :sink")
        .param("sink", sink).query(Long.class).optional().orElse(0L);
  }

  /** Every stored cursor by sink name. */
  Map<String, Long> cursors() {
    return jdbc.sql("SELECT sink, seq FROM audit_sink_cursor").query((rs, n) -> Map.entry(rs.getString(1),
        rs.getLong(2))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Moves the cursor forward to {@code seq}; never backwards, so a slower node or a late retry
   * cannot undo another's progress.
   */
  void advance(String sink, long seq, long atMillis) {
    jdbc.sql("""
            INSERT INTO audit_sink_cursor (sink, seq, updated_at) VALUES (:sink, :seq, :at)
            ON CONFLICT (sink) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at
            WHERE audit_sink_cursor.seq < excluded.seq""")
        .param("sink", sink).param("seq", seq).param("at", atMillis)
        .update();
  }

}
