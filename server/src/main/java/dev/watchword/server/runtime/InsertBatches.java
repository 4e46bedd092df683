package dev.watchword.server.runtime;

/**
 * How many rows a feature stores with one JDBC batch when it stores many at once (an import's
 * entries, their tags and their audit events). A longer list is sent as several batches on the
 * same statement, all in the caller's transaction, so it stays all or nothing.
 */
public final class InsertBatches {

  /**
   * At most this many rows per batch. Unbounded, the PostgreSQL driver's rewrite into multi-row
   * INSERTs ({@link DatabaseConfiguration}) turned one batch of 10,000 entries into statements of
   * 4,096 rows and 57,344 parameters (as many as the protocol's 65,535 allow), each a
   * half-megabyte SQL text that PostgreSQL parses and plans afresh. Measured inserting 10,000
   * entry rows on a new connection, that costs a third more backend CPU (0.34 s against 0.26 s)
   * and 30 MB more backend memory than batches of 512. From a few hundred rows up the cost per
   * row is flat, so the round trips between batches cost nothing measurable. A power of two, like
   * the driver's rewritten statements, so a full batch is one statement.
   */
  public static final int ROWS = 512;

  private InsertBatches() {}
}
