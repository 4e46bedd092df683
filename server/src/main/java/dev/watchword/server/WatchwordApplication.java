package dev.watchword.server;

import dev.watchword.server.audit.OfflineAuditVerify;
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

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(OfflineAuditVerify.COMMAND)) {
      // an offline tool on the same jar: no Spring context, no web server, writes nothing
      System.exit(OfflineAuditVerify.run(java.util.List.of(args).subList(1, args.length), System.out, System.err));
    }
    SpringApplication application = new SpringApplication(WatchwordApplication.class);
    application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    application.run(args);
  }
}
