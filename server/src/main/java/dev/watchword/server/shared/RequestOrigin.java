package dev.watchword.server.shared;

/**
 * Where a request came from, as the audit records it.
 *
 * @param clientIp the client address as the server sees it (after trusted proxy headers)
 * @param userAgent the {@code User-Agent} header, truncated; may be {@code null}
 * @param sessionId the caller's sign-in session, when the request carried one
 */
public record RequestOrigin(String clientIp, String userAgent, String sessionId) {

  private static final int MAX_USER_AGENT = 256;

  public RequestOrigin {
    if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
      userAgent = userAgent.substring(0, MAX_USER_AGENT);
    }
  }

  public RequestOrigin(String clientIp, String userAgent) {
    this(clientIp, userAgent, null);
  }

  /** For work the server does on its own, with no client. */
  public static RequestOrigin system() {
    return new RequestOrigin(null, null);
  }
}
