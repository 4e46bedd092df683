package dev.watchword.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is and how callers authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI watchwordOpenApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Watchword API")
            .version("v1")
            .description("Team MFA vault: codes, never seeds. Every error is an RFC 9457 problem"
                + " (application/problem+json); see docs/api.md for the problem types.")
            .license(new License().name("Proprietary")))
        .components(new Components().addSecuritySchemes("bearer",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An opaque access token (ww_...) from sign-in, or the development token.")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
