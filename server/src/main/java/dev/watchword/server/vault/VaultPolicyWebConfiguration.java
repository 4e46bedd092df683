package dev.watchword.server.vault;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link VaultPolicyEnforcement} in front of every vault route. */
@Configuration(proxyBeanMethods = false)
class VaultPolicyWebConfiguration implements WebMvcConfigurer {

  private final VaultPolicyEnforcement enforcement;

  VaultPolicyWebConfiguration(VaultPolicyEnforcement enforcement) {
    this.enforcement = enforcement;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // The API's vault routes and the web UI's: a page is no way around a policy.
    registry.addInterceptor(enforcement).addPathPatterns("/api/v1/vaults/**", "/vaults/**");
  }
}
