package dev.watchword.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What a contract test needs from the running server, whichever database it runs on. */
public interface ServerUnderTest {

  /** A client signed in as a new member of the organisation, who belongs to no vault yet. */
  ApiClient newMember(String name);

  /** A client signed in as a new owner of the organisation. */
  ApiClient newOwner(String name);

  /** A client signed in as a new admin of the organisation. */
  ApiClient newAdmin(String name);

  /** A client signed in as a new auditor of the organisation. */
  ApiClient newAuditor(String name);

  ApiClient anonymous();

  /** The options with which {@code watchword audit verify} reads this server's log offline. */
  java.util.List<String> offlineAuditArgs();

  /** One of the running server's beans, for tests that drive background work (retention) directly. */
  <T> T bean(Class<T> type);

  /** The server's data directory (master key, audit head file, SQLite database). */
  java.nio.file.Path dataDir();

  /** Every route the application serves, as "METHOD /path/{var}", from Spring MVC's own mapping. */
  java.util.List<String> routes();

  /** The server's HTTP port, for raw requests. */
  int port();

  /** The server's clock; advancing it moves the server's time. */
  TestClock clock();

  /** Direct access to the server's database, for tests that tamper with storage. */
  JdbcClient jdbc();
}
