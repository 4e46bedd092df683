package dev.watchword.server.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * JSON is read strictly: a field given twice is refused rather than "last one wins", so a proxy,
 * a log and the server can never read two different seeds out of one body.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer strictDuplicateDetection() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
