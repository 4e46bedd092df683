package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.support.SqliteServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The SIEM sinks on the embedded SQLite database. */
class SqliteSiemTest extends SqliteServerTest implements SiemContract {

  static final SiemReceivers RECEIVERS = SiemReceivers.start("watchword-sqlite-test");

  @DynamicPropertySource
  static void siemSinks(DynamicPropertyRegistry registry) {
    RECEIVERS.register(registry);
  }

  @Autowired
  private SinkDeliveries deliveries;

  @Autowired
  private SinkCursors cursors;

  @Autowired
  private AuditLog auditLog;

  @Autowired
  private TransactionTemplate transactions;

  @Override
  public SiemReceivers receivers() {
    return RECEIVERS;
  }

  @Override
  public SinkDeliveries deliveries() {
    return deliveries;
  }

  @Override
  public SinkCursors cursors() {
    return cursors;
  }

  @Override
  public AuditLog auditLog() {
    return auditLog;
  }

  @Override
  public TransactionTemplate transactions() {
    return transactions;
  }
}
