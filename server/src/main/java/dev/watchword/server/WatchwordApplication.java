package dev.watchword.server;

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
    SpringApplication application = new SpringApplication(WatchwordApplication.class);
    application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    application.run(args);
  }
}
