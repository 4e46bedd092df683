package dev.watchword.server.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the audit trail page by page in sequence order (cursor pagination on {@code seq}, so a
 * page is stable while writers append). Callers decide who may read what.
 */
@Component
public class AuditReader {

  private final JdbcClient jdbc;
  private final AuditStore store;

  AuditReader(JdbcClient jdbc, AuditStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  /** The newest committed event's sequence number (0 for an empty trail). */
  public long headSeq() {
    return store.storedHead().map(AuditStore.Head::seq).orElse(0L);
  }

  /** One page of events matching {@code query}, oldest first. */
  public List<AuditRecord> page(AuditQuery query) {
    return select(query, null, "ORDER BY seq");
  }

  /**
   * One page of events matching {@code query}, newest first, older than {@code before} when it is
   * given (the cursor of a viewer that starts at the newest event and walks back).
   */
  public List<AuditRecord> newestFirst(AuditQuery query, Long before) {
    return select(query, before, "ORDER BY seq DESC");
  }

  private List<AuditRecord> select(AuditQuery query, Long before, String order) {
    StringBuilder sql = new StringBuilder("""
        SELECT seq, at, actor_id, actor_name, action, vault_id, entry_id, decision, reason, client_ip,
               user_agent, session_id, rule, detail
        FROM audit_event WHERE seq > :after""");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("after", query.after() == null ? 0L : query.after());
    condition(sql, params, "seq < :before", "before", before);
    condition(sql, params, "vault_id = :vaultId", "vaultId", query.vaultId());
    condition(sql, params, "entry_id = :entryId", "entryId", query.entryId());
    condition(sql, params, "(actor_id = :actor OR actor_name = :actor)", "actor", query.actor());
    condition(sql, params, "action = :action", "action", query.action());
    condition(sql, params, "decision = :decision", "decision", query.decision());
    condition(sql, params, "at >= :from", "from", query.from() == null ? null : query.from().toEpochMilli());
    condition(sql, params, "at < :to", "to", query.to() == null ? null : query.to().toEpochMilli());
    sql.append(' ').append(order).append(" LIMIT :limit");
    params.put("limit", query.limit());
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> AuditRecord.of(AuditStore.event(rs))).list();
  }

  /** Every event matching {@code query}, page after page, without holding them all in memory. */
  public void each(AuditQuery query, Consumer<AuditRecord> sink) {
    AuditQuery next = query;
    List<AuditRecord> page;
    do {
      page = page(next);
      page.forEach(sink);
      if (!page.isEmpty()) {
        next = next.after(page.get(page.size() - 1).seq());
      }
    } while (page.size() == next.limit());
  }

  private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name,
      Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      params.put(name, value);
    }
  }
}
