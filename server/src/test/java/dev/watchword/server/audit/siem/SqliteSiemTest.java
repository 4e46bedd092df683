package dev.watchword.server.audit.siem;

import dev.watchword.server.support.SqliteServerTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SIEM sinks on the embedded SQLite database. */
class SqliteSiemTest extends SqliteServerTest implements SiemContract {

  static final SiemReceivers RECEIVERS = SiemReceivers.start("watchword-sqlite-test");

  @DynamicPropertySource
  static void siemSinks(DynamicPropertyRegistry registry) {
    RECEIVERS.register(registry);
  }

  @Override
  public SiemReceivers receivers() {
    return RECEIVERS;
  }
}
