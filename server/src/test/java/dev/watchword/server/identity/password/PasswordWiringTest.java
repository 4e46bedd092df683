package dev.watchword.server.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The package as Spring assembles it: components found, properties bound. */
class PasswordWiringTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(PasswordPackage.class);

  @Test
  void contextWhenPropertiesSetThenHasherUsesThem() {
    context
        .withPropertyValues(
            "watchword.password.max-concurrent-hashes=3", "watchword.password.max-wait=250ms")
        .run(beans -> {
          assertThat(beans).hasSingleBean(PasswordHasher.class).hasSingleBean(PasswordPolicy.class);
          PasswordHashingProperties properties = beans.getBean(PasswordHashingProperties.class);
          assertThat(properties.maxConcurrentHashes()).isEqualTo(3);
          assertThat(properties.maxWait()).isEqualTo(Duration.ofMillis(250));
        });
  }

  @Test
  void contextWhenPropertiesUnsetThenDefaults() {
    context.run(beans -> {
      PasswordHashingProperties properties = beans.getBean(PasswordHashingProperties.class);
      assertThat(properties.maxConcurrentHashes())
          .isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(properties.maxWait()).isEqualTo(Duration.ofSeconds(5));
      assertThat(beans.getBean(PasswordPolicy.class).refusal("alice", "password1")).isPresent();
    });
  }

  @Test
  void contextWhenNoSlotsConfiguredThenFailsToStart() {
    context.withPropertyValues("watchword.password.max-concurrent-hashes=0")
        .run(beans -> assertThat(beans).hasFailed());
  }

  @Configuration(proxyBeanMethods = false)
  @ComponentScan(basePackageClasses = PasswordHasher.class)
  @ConfigurationPropertiesScan(basePackageClasses = PasswordHasher.class)
  static class PasswordPackage {}
}
