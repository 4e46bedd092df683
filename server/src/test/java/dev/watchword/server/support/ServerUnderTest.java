package dev.watchword.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What a contract test needs from the running server, whichever database it runs on. */
public interface ServerUnderTest {

  /** A client signed in as a new member of the organisation, who belongs to no vault yet. */
  ApiClient newMember(String name);

  ApiClient anonymous();

  /** Direct access to the server's database, for tests that tamper with storage. */
  JdbcClient jdbc();
}
