package dev.watchword.server.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WebAuthn relying party: {@code watchword.webauthn.rp-id} (default {@code localhost}) is the
 * domain passkeys are bound to; {@code watchword.webauthn.allowed-origins} are the exact origins
 * a browser may run the ceremonies from (default {@code http://localhost:<server port>}).
 */
@ConfigurationProperties("watchword.webauthn")
record PasskeyProperties(String rpId, List<String> allowedOrigins) {

  static final String RP_NAME = "Watchword";

  PasskeyProperties {
    rpId = rpId == null || rpId.isBlank() ? "localhost" : rpId;
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }

  /** The configured origins, or the local one of a server on {@code port}. */
  List<String> originsOr(int port) {
    return allowedOrigins.isEmpty() ? List.of("http://localhost:" + port) : allowedOrigins;
  }
}
