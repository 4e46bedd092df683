package dev.watchword.server;

import dev.watchword.server.audit.OfflineAuditVerify;
import dev.watchword.server.backup.OfflineBackup;
import dev.watchword.server.backup.OfflineRestore;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Watchword server: vaults of encrypted OTP seeds that hand out codes, never seeds.
 *
 * <p>Each direct sub-package is one feature (a Spring Modulith module); see
 * {@code docs/architecture.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WatchwordApplication {

  /** A command of the server jar that runs without the server: its arguments in, its exit status out. */
  private interface OfflineTool {
    int run(List<String> args, PrintStream out, PrintStream err);
  }

  private static final Map<String, OfflineTool> OFFLINE_TOOLS = Map.of(
      OfflineAuditVerify.COMMAND, OfflineAuditVerify::run,
      OfflineBackup.COMMAND, OfflineBackup::run,
      OfflineRestore.COMMAND, OfflineRestore::run);

  public static void main(String[] args) {
    OfflineTool offline = args.length == 0 ? null : OFFLINE_TOOLS.get(args[0]);
    if (offline != null) {
      // an offline tool on the same jar: no Spring context, no web server
      quietLibraryLogging();
      System.exit(offline.run(List.of(args).subList(1, args.length), System.out, System.err));
    }
    SpringApplication application = new SpringApplication(WatchwordApplication.class);
    application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    application.run(args);
  }

  /**
   * Without Spring Boot's logging set-up, Logback logs everything to standard output; an offline
   * tool prints its own lines, and a library's (Flyway's progress) only when something is wrong.
   */
  private static void quietLibraryLogging() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
