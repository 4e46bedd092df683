package dev.watchword.server.backup;

import dev.watchword.server.WatchwordApplication;
import dev.watchword.server.support.ApiClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A second Watchword server in this JVM, started on a restored data directory (and schema). */
final class RestoredServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private RestoredServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** @param dbUrl the restored PostgreSQL schema's URL, or null for the data directory's SQLite file */
  static RestoredServer start(Path dataDir, String dbUrl) {
    List<String> args = new ArrayList<>(List.of("--watchword.data-dir=" + dataDir, "--watchword.address=127.0.0.1",
        "--server.port=0"));
    if (dbUrl != null) {
      args.add("--watchword.db-url=" + dbUrl);
    }
    return new RestoredServer(new SpringApplicationBuilder(WatchwordApplication.class)
        .run(args.toArray(String[]::new)));
  }

  /** A client of this server that sends {@code token}, e.g. one the original server issued. */
  ApiClient as(String token) {
    return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort(), token);
  }

  @Override
  public void close() {
    context.close();
  }
}
