package dev.watchword.server.support;

import dev.watchword.server.identity.TestCallers;
import dev.watchword.server.identity.TestCallers.TestCaller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real server on a random loopback port, on one of the two databases (see the subclasses).
 * Contract tests are interfaces implemented by one concrete class per database, so each
 * database gets one application context for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"watchword.address=127.0.0.1", "watchword.webauthn.rp-id=localhost",
        "watchword.webauthn.allowed-origins=https://localhost:8443",
        // small, so that tests see checkpoints and the head file move
        "watchword.audit.checkpoint-every=4"})
@Import(TestClockConfiguration.class)
public abstract class ServerTestBase implements ServerUnderTest {

  @LocalServerPort
  private int port;

  @Autowired
  private TestCallers callers;

  @Autowired
  private JdbcClient jdbc;

  @Autowired
  private TestClock clock;

  @Override
  public ApiClient newMember(String name) {
    TestCaller caller = callers.member(name);
    return new ApiClient(port, caller.token());
  }

  @Override
  public ApiClient newOwner(String name) {
    return new ApiClient(port, callers.owner(name).token());
  }

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  private org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

  @Override
  public java.util.List<String> routes() {
    java.util.List<String> routes = new java.util.ArrayList<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern ->
        info.getMethodsCondition().getMethods().forEach(method -> routes.add(method.name() + " " + pattern))));
    return routes.stream().sorted().toList();
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public TestClock clock() {
    return clock;
  }

  @Override
  public ApiClient newAdmin(String name) {
    return new ApiClient(port, callers.admin(name).token());
  }

  @Override
  public ApiClient newAuditor(String name) {
    return new ApiClient(port, callers.auditor(name).token());
  }

  @Autowired
  private dev.watchword.server.runtime.DataDirectory dataDirectory;

  @Autowired
  private org.springframework.context.ApplicationContext context;

  @Override
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public java.nio.file.Path dataDir() {
    return dataDirectory.path();
  }

  @Override
  public ApiClient anonymous() {
    return new ApiClient(port, null);
  }

  @Override
  public JdbcClient jdbc() {
    return jdbc;
  }
}
