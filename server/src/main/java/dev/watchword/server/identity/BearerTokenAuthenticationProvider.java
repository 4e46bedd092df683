package dev.watchword.server.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/** Resolves an opaque Watchword bearer token to its caller, on every request. */
@Component
class BearerTokenAuthenticationProvider implements AuthenticationProvider {

  private final AccessTokens tokens;

  BearerTokenAuthenticationProvider(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    return tokens.authenticate(token)
        .map(CallerAuthentication::new)
        // One message for every reason: unknown, expired, revoked or disabled look the same.
        .orElseThrow(() -> new BadCredentialsException("invalid token"));
  }

  @Override
  public boolean supports(Class<?> type) {
    return BearerTokenAuthenticationToken.class.isAssignableFrom(type);
  }
}
