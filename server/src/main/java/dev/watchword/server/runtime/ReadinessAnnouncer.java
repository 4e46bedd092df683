package dev.watchword.server.runtime;

import java.io.PrintStream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the one line scripts wait for, {@code Watchword listening on http://HOST:PORT}, once the
 * server takes requests (the public contract in {@code API.md}).
 */
@Component
class ReadinessAnnouncer {

  private final Environment environment;
  private final PrintStream out;

  ReadinessAnnouncer(Environment environment) {
    this.environment = environment;
    this.out = System.out;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    int port = web.getWebServer().getPort();
    String host = environment.getProperty("server.address", "0.0.0.0");
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    out.println("Watchword listening on http://" + host + ":" + port);
    out.flush();
  }
}
