package dev.watchword.server.audit;

import dev.watchword.server.runtime.InsertBatches;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the audit chain: the head every writer appends after, the events and the
 * checkpoints. The same statements run on SQLite and PostgreSQL.
 *
 * <p>A {@code @Component}, not a {@code @Repository}: {@link JdbcClient} already throws Spring's
 * {@code DataAccessException}s, and the exception translation proxy a repository gets would wrap
 * every append of the group commit writer's hot loop for nothing.
 */
@Component
class AuditStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  AuditStore(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.template = template;
  }

  /** The chain's newest link, as the last committed writer left it. */
  record Head(long seq, byte[] hash, long at) {}

  /**
   * Claims the head for the caller's transaction: the {@code UPDATE} locks the head row until that
   * transaction ends (PostgreSQL row lock; SQLite's write transaction is exclusive anyway), so
   * appends from every thread and node form one line.
   */
  Claim claimHead() {
    return jdbc.sql("""
            UPDATE audit_head SET seq = seq WHERE id = 1
            RETURNING seq, hash, at, checkpoint_seq, checkpoint_at""")
        .query((rs, n) -> new Claim(rs.getLong("seq"), rs.getBytes("hash"), rs.getLong("at"),
            rs.getLong("checkpoint_seq"), rs.getLong("checkpoint_at")))
        .single();
  }

  /**
   * The head as claimed: the newest event's number, link and time, and where the newest checkpoint
   * stands (0 when there is none).
   */
  record Claim(long seq, byte[] hash, long at, long checkpointSeq, long checkpointAt) {}

  private static final String INSERT_EVENT = """
      INSERT INTO audit_event
        (seq, at, actor_id, actor_name, action, vault_id, entry_id, decision, reason, client_ip, user_agent,
         session_id, rule, detail, prev_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  /** An event with its links, ready to store. */
  record LinkedEvent(StoredEvent event, byte[] previousHash, byte[] hash) {}

  /**
   * Stores linked events: one plain statement for one (every code release), JDBC batches of at
   * most {@value InsertBatches#ROWS} for more (an import). The sixteen parameters are positional,
   * in column order: named ones cost a rewrite of the SQL and a map lookup per parameter on every
   * call.
   */
  void insertAll(List<LinkedEvent> events) {
    if (events.size() == 1) {
      jdbc.sql(INSERT_EVENT).params(values(events.get(0))).update();
      return;
    }
    template.batchUpdate(INSERT_EVENT, events, InsertBatches.ROWS,
        (statement, event) -> new ArgumentPreparedStatementSetter(values(event)).setValues(statement));
  }

  private static Object[] values(LinkedEvent linked) {
    StoredEvent event = linked.event();
    return new Object[] {event.seq(), event.at(), event.actorId(), event.actorName(), event.action(),
        event.vaultId(), event.entryId(), event.decision(), event.reason(), event.clientIp(), event.userAgent(),
        event.sessionId(), event.rule(), event.detail(), linked.previousHash(), linked.hash()};
  }

  /**
   * Moves the head claimed at {@code claimedSeq}, in the same transaction, to the newest event.
   *
   * @throws IllegalStateException if the row no longer holds the claimed head, which the row lock
   *     rules out; the transaction must not commit then
   */
  void moveHead(long claimedSeq, long seq, byte[] hash, long at) {
    int moved = jdbc.sql("UPDATE audit_head SET seq = :seq, hash = :hash, at = :at WHERE id = 1 AND seq = :claimed")
        .param("seq", seq).param("hash", hash).param("at", at).param("claimed", claimedSeq)
        .update();
    if (moved != 1) {
      throw new IllegalStateException("audit_head moved while this transaction held it");
    }
  }

  Optional<Head> storedHead() {
    return jdbc.sql("SELECT seq, hash, at FROM audit_head WHERE id = 1")
        .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash"), rs.getLong("at")))
        .optional();
  }

  /** Where the chain and its newest signed checkpoint stand, from the head row alone. */
  Optional<AuditStatus> status() {
    return jdbc.sql("SELECT seq, at, checkpoint_seq, checkpoint_at FROM audit_head WHERE id = 1")
        .query((rs, n) -> AuditStatus.of(rs.getLong("seq"), rs.getLong("at"), rs.getLong("checkpoint_seq"),
            rs.getLong("checkpoint_at")))
        .optional();
  }

  long lastEventSeq() {
    return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();
  }

  /** Every checkpoint and anchor, oldest first. */
  List<Checkpoint> checkpoints() {
    return jdbc.sql("SELECT kind, seq, at, hash, signature FROM audit_checkpoint ORDER BY seq")
        .query(AuditStore::checkpoint)
        .list();
  }

  /** Inserts a checkpoint or anchor, which becomes the head's newest checkpoint unless a newer one exists. */
  void insertCheckpoint(Checkpoint checkpoint) {
    jdbc.sql("""
            INSERT INTO audit_checkpoint (seq, kind, at, hash, signature)
            VALUES (:seq, :kind, :at, :hash, :signature)""")
        .param("seq", checkpoint.seq())
        .param("kind", checkpoint.kind().wireName())
        .param("at", checkpoint.at())
        .param("hash", checkpoint.hash())
        .param("signature", checkpoint.signature())
        .update();
    jdbc.sql("UPDATE audit_head SET checkpoint_seq = :seq, checkpoint_at = :at WHERE id = 1 AND checkpoint_seq < :seq")
        .param("seq", checkpoint.seq()).param("at", checkpoint.at())
        .update();
  }

  /** The lowest delivery cursor of any SIEM sink that has delivered anything, on any node. */
  java.util.OptionalLong lowestSinkCursor() {
    long lowest = jdbc.sql("SELECT COALESCE(MIN(seq), -1) FROM audit_sink_cursor").query(Long.class).single();
    return lowest < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(lowest);
  }

  /** The newest event before {@code cutoffMillis} and at most {@code upToSeq}; 0 when there is none. */
  long newestSeqBefore(long cutoffMillis, long upToSeq) {
    return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event WHERE at < :cutoff AND seq <= :upTo")
        .param("cutoff", cutoffMillis).param("upTo", upToSeq).query(Long.class).single();
  }

  void deleteCheckpointsThrough(long seq) {
    jdbc.sql("DELETE FROM audit_checkpoint WHERE seq <= :seq").param("seq", seq).update();
  }

  /** Deletes the events up to and including {@code seq}; returns how many. */
  int deleteEventsThrough(long seq) {
    return jdbc.sql("DELETE FROM audit_event WHERE seq <= :seq").param("seq", seq).update();
  }

  /** Up to {@code limit} stored events after {@code afterSeq} and up to {@code upTo}, in chain order, with links. */
  List<LinkedEvent> eventsBetween(long afterSeq, long upTo, int limit) {
    return jdbc.sql("""
            SELECT seq, at, actor_id, actor_name, action, vault_id, entry_id, decision, reason, client_ip,
                   user_agent, session_id, rule, detail, prev_hash, hash
            FROM audit_event WHERE seq > :after AND seq <= :upTo ORDER BY seq LIMIT :limit""")
        .param("after", afterSeq).param("upTo", upTo).param("limit", limit)
        .query((rs, n) -> new LinkedEvent(event(rs), rs.getBytes("prev_hash"), rs.getBytes("hash")))
        .list();
  }

  static StoredEvent event(ResultSet rs) throws SQLException {
    return new StoredEvent(rs.getLong("seq"), rs.getLong("at"), rs.getString("actor_id"),
        rs.getString("actor_name"), rs.getString("action"), rs.getString("vault_id"), rs.getString("entry_id"),
        rs.getString("decision"), rs.getString("reason"), rs.getString("client_ip"), rs.getString("user_agent"),
        rs.getString("session_id"), rs.getString("rule"), rs.getString("detail"));
  }

  private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
    return new Checkpoint(Checkpoint.Kind.of(rs.getString("kind")), rs.getLong("seq"), rs.getLong("at"),
        rs.getBytes("hash"), rs.getBytes("signature"));
  }
}
