package dev.watchword.server.audit.siem;

import dev.watchword.server.support.PostgresServerTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SIEM sinks on PostgreSQL (mandatory under CI=true). */
class PostgresSiemTest extends PostgresServerTest implements SiemContract {

  static final SiemReceivers RECEIVERS = SiemReceivers.start("watchword-postgres-test");

  @DynamicPropertySource
  static void siemSinks(DynamicPropertyRegistry registry) {
    RECEIVERS.register(registry);
  }

  @Override
  public SiemReceivers receivers() {
    return RECEIVERS;
  }
}
