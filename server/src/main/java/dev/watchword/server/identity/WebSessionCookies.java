package dev.watchword.server.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The web UI's session: the same opaque tokens the API hands out, carried in two cookies instead
 * of an {@code Authorization} header. The access token (at most 15 minutes) is looked up on every
 * request like a bearer token; the refresh token renews it within the session's limits.
 *
 * <p>Guarantees: both cookies are {@code __Host-} prefixed (Secure, Path=/, no Domain, so no
 * subdomain can set or read them), HttpOnly (no script reads them) and SameSite=Strict (no other
 * site's page sends them). They carry no Max-Age: closing the browser forgets them, and the
 * server's own session limits hold regardless.
 */
@Component
class WebSessionCookies {

  static final String ACCESS = "__Host-watchword";
  static final String RENEW = "__Host-watchword-renew";
  /** Between the password and the second factor: the sign-in challenge, never in the page. */
  static final String CHALLENGE = "__Host-watchword-signin";

  /**
   * Sent by the web UI's scripts with a passkey assertion or an SSO handoff: {@code cookie} asks for
   * the session as cookies rather than tokens (so no script ever holds one), {@code step-up} for a
   * step-up of the session the request belongs to.
   */
  static final String SESSION_HEADER = "X-Watchword-Session";

  boolean wantsCookies(HttpServletRequest request) {
    return "cookie".equals(request.getHeader(SESSION_HEADER));
  }

  boolean isStepUp(HttpServletRequest request) {
    return "step-up".equals(request.getHeader(SESSION_HEADER));
  }

  /** Sets both cookies for a freshly started or renewed session. */
  void write(HttpServletResponse response, IssuedTokens tokens) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(ACCESS, tokens.accessToken(), -1).toString());
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(RENEW, tokens.refreshToken(), -1).toString());
  }

  /** Tells the browser to forget the access cookie (a renewal may still be under way in another request). */
  void clearAccess(HttpServletResponse response) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(ACCESS, "", 0).toString());
  }

  /** Tells the browser to forget both cookies. */
  void clear(HttpServletResponse response) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(ACCESS, "", 0).toString());
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(RENEW, "", 0).toString());
  }

  /** Holds a sign-in challenge for at most its own lifetime. */
  void writeChallenge(HttpServletResponse response, String challenge) {
    response.addHeader(HttpHeaders.SET_COOKIE,
        cookie(CHALLENGE, challenge, SignInChallenges.LIFETIME.toSeconds()).toString());
  }

  void clearChallenge(HttpServletResponse response) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(CHALLENGE, "", 0).toString());
  }

  Optional<String> challenge(HttpServletRequest request) {
    return value(request, CHALLENGE);
  }

  Optional<String> access(HttpServletRequest request) {
    return value(request, ACCESS);
  }

  Optional<String> renewal(HttpServletRequest request) {
    return value(request, RENEW);
  }

  boolean present(HttpServletRequest request) {
    return access(request).isPresent() || renewal(request).isPresent();
  }

  private static Optional<String> value(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static ResponseCookie cookie(String name, String value, long maxAgeSeconds) {
    return ResponseCookie.from(name, value)
        .path("/")
        .secure(true)
        .httpOnly(true)
        .sameSite("Strict")
        .maxAge(maxAgeSeconds)
        .build();
  }
}
