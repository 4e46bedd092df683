package dev.watchword.server.support.keycloak;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cookie jar that, like a browser, treats {@code http://127.0.0.1}, {@code http://[::1]} and
 * {@code http://localhost} as secure contexts (W3C Secure Contexts §3.1, "potentially
 * trustworthy"), so it sends cookies marked {@code Secure} there. Keycloak marks its sign-in
 * cookies {@code Secure} even over plain HTTP, and {@link CookieManager} alone would never send
 * them back over HTTP. Every other host is left as {@link CookieManager} treats it.
 */
public final class LoopbackCookieManager extends CookieManager {

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

  public LoopbackCookieManager() {
    super(null, CookiePolicy.ACCEPT_ALL);
  }

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
    return super.get(isLoopbackHttp(uri) ? asHttps(uri) : uri, requestHeaders);
  }

  private static boolean isLoopbackHttp(URI uri) {
    return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
        && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase());
  }

  private static URI asHttps(URI uri) {
    try {
      return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
