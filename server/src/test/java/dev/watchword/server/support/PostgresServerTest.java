package dev.watchword.server.support;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on the PostgreSQL at 127.0.0.1:5432, in a schema of its own. */
public abstract class PostgresServerTest extends ServerTestBase {

  protected static final TestPostgres POSTGRES = TestPostgres.freshSchema();

  @BeforeAll
  static void requirePostgres() {
    POSTGRES.assumeAvailable();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("watchword.db-url", POSTGRES::jdbcUrl);
    registry.add("watchword.data-dir", () -> POSTGRES.dataDir().toString());
    registry.add("spring.flyway.schemas", POSTGRES::schema);
    registry.add("spring.flyway.default-schema", POSTGRES::schema);
  }

  @Override
  public java.util.List<String> offlineAuditArgs() {
    return java.util.List.of("--data-dir", POSTGRES.dataDir().toString(), "--db-url", POSTGRES.jdbcUrl());
  }
}
