package dev.watchword.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class OfflineDatabaseTest {

  @Test
  void postgresWhenTheUrlCannotBeUsedThenTheFailureNeverCarriesIt() {
    // pgjdbc does not read user:password@host, so the driver manager finds no driver "for <URL>".
    String url = "jdbc:postgresql://watchword:s3cret-Passw0rd@127.0.0.1:1/watchword";

    assertThatThrownBy(() -> OfflineDatabase.postgres(url).getConnection())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> {
          assertThat(e.getMessage()).doesNotContain("s3cret-Passw0rd").startsWith("cannot connect to PostgreSQL");
          assertThat(e.getCause()).isNull();
        });
  }

  @Test
  void postgresWhenTheUrlIsNotAPostgresJdbcUrlThenRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> OfflineDatabase.postgres("postgres://watchword:s3cret-Passw0rd@db/watchword"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-Passw0rd"));
  }
}
