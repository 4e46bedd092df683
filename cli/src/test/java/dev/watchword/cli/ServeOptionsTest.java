package dev.watchword.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeOptionsTest {

  private static final Map<String, String> NO_VARIABLES = Map.of();

  private static ServeOptions port(int port) {
    return new ServeOptions(port, null, null, null, false);
  }

  private static ServeOptions devOn(String address) {
    return new ServeOptions(null, address, null, null, true);
  }

  private static ServeOptions dbUrl(String url) {
    return new ServeOptions(null, null, null, url, false);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void checkWhenPortOutOfRangeThenRefused(int port) {
    assertThatThrownBy(() -> port(port).check(NO_VARIABLES))
        .isInstanceOf(InvalidServeSettingException.class)
        .hasMessageContaining("--port " + port)
        .hasMessageContaining("1-65535");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8080, 65535})
  void checkWhenPortInRangeThenAccepted(int port) {
    assertThatCode(() -> port(port).check(NO_VARIABLES)).doesNotThrowAnyException();
  }

  @Test
  void checkWhenPortVariableIsNotANumberThenRefusedNamingTheVariable() {
    ServeOptions none = new ServeOptions(null, null, null, null, false);

    assertThatThrownBy(() -> none.check(Map.of("WATCHWORD_PORT", "eighty")))
        .hasMessageContaining("WATCHWORD_PORT=eighty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
  void checkWhenDevOnLoopbackThenAccepted(String address) {
    assertThatCode(() -> devOn(address).check(NO_VARIABLES)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "no-such-host.invalid"})
  void checkWhenDevOnNonLoopbackThenRefused(String address) {
    assertThatThrownBy(() -> devOn(address).check(NO_VARIABLES))
        .isInstanceOf(InvalidServeSettingException.class)
        .hasMessageContaining("loopback only");
  }

  @Test
  void checkWhenDevOnPostgresWithoutDataDirThenRefused() {
    ServeOptions devOnPostgres = new ServeOptions(null, null, null, "jdbc:postgresql://db/ww", true);
    ServeOptions withDataDir = new ServeOptions(null, null, "/srv/ww", "jdbc:postgresql://db/ww", true);

    assertThatThrownBy(() -> devOnPostgres.check(NO_VARIABLES))
        .isInstanceOf(InvalidServeSettingException.class)
        .hasMessageContaining("needs --data-dir");
    assertThatCode(() -> withDataDir.check(NO_VARIABLES)).doesNotThrowAnyException();
    assertThatCode(() -> devOnPostgres.check(Map.of("WATCHWORD_DATA_DIR", "/srv/ww"))).doesNotThrowAnyException();
  }

  @Test
  void checkWhenNotDevThenAnyAddressAccepted() {
    ServeOptions exposed = new ServeOptions(null, "0.0.0.0", null, null, false);

    assertThatCode(() -> exposed.check(NO_VARIABLES)).doesNotThrowAnyException();
  }

  @Test
  void checkWhenDevVariableIsFalseThenAddressVariableIsFree() {
    ServeOptions none = new ServeOptions(null, null, null, null, false);

    assertThatCode(() -> none.check(Map.of("WATCHWORD_DEV", "false", "WATCHWORD_ADDRESS", "0.0.0.0")))
        .doesNotThrowAnyException();
  }

  @Test
  void checkWhenDevVariableIsNotABooleanThenRefused() {
    ServeOptions none = new ServeOptions(null, null, null, null, false);

    assertThatThrownBy(() -> none.check(Map.of("WATCHWORD_DEV", "maybe")))
        .hasMessageContaining("WATCHWORD_DEV=maybe");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:mysql://db/watchword",
        "jdbc:sqlite:watchword.db",
        "postgresql://db/watchword",
        "JDBC:POSTGRESQL://db/watchword"
      })
  void checkWhenDbUrlIsNotPostgresJdbcThenRefused(String url) {
    assertThatThrownBy(() -> dbUrl(url).check(NO_VARIABLES))
        .isInstanceOf(InvalidServeSettingException.class)
        .hasMessageContaining("--db-url must be a PostgreSQL JDBC URL")
        .hasMessageNotContaining(url);
  }

  @Test
  void checkWhenDbUrlVariableIsNotPostgresThenRefusedWithoutItsValue() {
    ServeOptions none = new ServeOptions(null, null, null, null, false);

    assertThatThrownBy(() -> none.check(Map.of("WATCHWORD_DB_URL", "jdbc:h2:mem:x;PASSWORD=s3cret")))
        .hasMessageContaining("WATCHWORD_DB_URL must be")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void checkWhenDbUrlVariableIsBlankThenSqliteDefaultIsAccepted() {
    ServeOptions none = new ServeOptions(null, null, null, null, false);

    assertThatCode(() -> none.check(Map.of("WATCHWORD_DB_URL", "  "))).doesNotThrowAnyException();
  }

  @Test
  void checkWhenPostgresUrlThenAccepted() {
    assertThatCode(() -> dbUrl("jdbc:postgresql://db:5432/watchword?sslmode=require").check(NO_VARIABLES))
        .doesNotThrowAnyException();
  }

  @Test
  void checkWhenOptionGivenEmptyThenRefused() {
    ServeOptions empty = new ServeOptions(null, null, "", null, false);

    assertThatThrownBy(() -> empty.check(NO_VARIABLES)).hasMessageContaining("--data-dir must not be empty");
  }
}
