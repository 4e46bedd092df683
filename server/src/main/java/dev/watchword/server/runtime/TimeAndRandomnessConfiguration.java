package dev.watchword.server.runtime;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock and the one source of randomness every feature uses, so tests can fix both. */
@Configuration(proxyBeanMethods = false)
class TimeAndRandomnessConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SecureRandom secureRandom() {
    return new SecureRandom();
  }
}
