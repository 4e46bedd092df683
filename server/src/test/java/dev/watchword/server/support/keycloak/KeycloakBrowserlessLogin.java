package dev.watchword.server.support.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a user in at Keycloak as a browser would, without one: follows redirects from where the
 * sign-in starts (Keycloak's authorization endpoint, or an application's login link that redirects
 * there), submits Keycloak's username and password form, and returns the redirect back to the
 * client <em>without following it</em>, so the caller can deliver it to the application under test
 * or redeem the code itself with {@link #redeem}.
 *
 * <p>Cookies live in the {@link HttpClient}'s cookie handler, as in a browser: pass the client the
 * test already uses for the application so that both sides see one cookie jar. The client must
 * not follow redirects. Error messages carry Keycloak's own words, never a password or code.
 */
public final class KeycloakBrowserlessLogin {

  private static final int MAX_REDIRECTS = 10;
  private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>");
  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
  /** A field error, an alert, or an error page's instruction in Keycloak's login theme; group 1 is its text. */
  private static final Pattern FEEDBACK = Pattern.compile("<(?:span|div|p)\\b[^>]*\\b"
      + "(?:id=\"input-error[^\"]*\"|class=\"[^\"]*(?:kc-feedback-text|alert-title|instruction)[^\"]*\")[^>]*>"
      + "\\s*([^<\\s][^<]*?)\\s*<");
  private static final Pattern TITLE = Pattern.compile("<title>\\s*([^<]*?)\\s*</title>");

  private final URI keycloak;
  private final HttpClient http;

  /** A sign-in with a fresh cookie jar: no Keycloak session yet. */
  public KeycloakBrowserlessLogin(KeycloakTestServer server) {
    this(server.baseUri(), newHttpClient());
  }

  /**
   * @param keycloak any URI on the Keycloak server; its origin tells Keycloak's pages from the client's
   * @param http a client that keeps cookies and does not follow redirects
   */
  public KeycloakBrowserlessLogin(URI keycloak, HttpClient http) {
    if (http.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("the HttpClient must not follow redirects: the last one is the caller's");
    }
    this.keycloak = origin(keycloak);
    this.http = http;
  }

  /** A client with its own cookie jar ({@link LoopbackCookieManager}) that follows no redirects. */
  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .cookieHandler(new LoopbackCookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public AuthorizationResponse signIn(URI start, KeycloakUser user) {
    return signIn(start, user.username(), user.password());
  }

  /**
   * Drives the sign-in from {@code start} to the redirect that leaves Keycloak for the client.
   * When the cookie jar already holds a Keycloak session, Keycloak redirects back without showing
   * its form, and so does this method. An error redirect (RFC 6749 §4.1.2.1) is returned too.
   *
   * @throws IllegalStateException when Keycloak shows a page other than its login form, or shows
   *     the form again after the credentials were posted (the message holds Keycloak's feedback)
   */
  public AuthorizationResponse signIn(URI start, String username, String password) {
    Page page = get(start);
    boolean atKeycloak = sameOrigin(start);
    for (int hops = 0; page.redirect() != null; hops++) {
      if (atKeycloak && !sameOrigin(page.redirect())) {
        return AuthorizationResponse.from(page.redirect()); // an existing Keycloak session, or an error
      }
      if (hops == MAX_REDIRECTS) {
        throw new IllegalStateException("more than " + MAX_REDIRECTS + " redirects from " + start);
      }
      atKeycloak |= sameOrigin(page.redirect());
      page = get(page.redirect());
    }
    URI action = loginAction(page);

    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("password", password);
    form.put("credentialId", "");
    Page answer = send(HttpRequest.newBuilder(action)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formBody(form))), action);
    if (answer.redirect() == null) {
      throw new IllegalStateException("Keycloak did not sign " + username + " in (" + answer.status() + "): "
          + feedback(answer));
    }
    for (int hops = 0; sameOrigin(answer.redirect()); hops++) {
      answer = get(answer.redirect());
      if (answer.redirect() == null || hops == MAX_REDIRECTS) {
        throw new IllegalStateException("Keycloak wants more from " + username + " before redirecting back: "
            + feedback(answer));
      }
    }
    return AuthorizationResponse.from(answer.redirect());
  }

  /**
   * The token request of RFC 6749 §4.1.3 with the client authenticated by {@code client_secret_basic}
   * (§2.3.1) and the PKCE {@code code_verifier} (RFC 7636 §4.5). Returns Keycloak's answer, success
   * or error, for the caller to assert on.
   */
  public TokenResponse redeem(URI tokenEndpoint, String clientId, String clientSecret, AuthorizationResponse response,
      String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", response.code().orElseThrow(() -> new IllegalArgumentException("no code in " + response)));
    form.put("redirect_uri", response.redirectUri().toString());
    if (codeVerifier != null) {
      form.put("code_verifier", codeVerifier);
    }
    String credentials = formEncode(clientId) + ":" + formEncode(clientSecret);
    Page answer = send(HttpRequest.newBuilder(tokenEndpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(formBody(form))), tokenEndpoint);
    return TokenResponse.of(answer.status(), answer.body());
  }

  private URI loginAction(Page page) {
    Matcher form = LOGIN_FORM.matcher(page.body());
    if (page.status() != 200 || !form.find()) {
      throw new IllegalStateException("expected Keycloak's login form at " + page.uri() + ", got " + page.status()
          + ": " + feedback(page));
    }
    Matcher action = ACTION.matcher(form.group());
    if (!action.find()) {
      throw new IllegalStateException("Keycloak's login form at " + page.uri() + " has no action");
    }
    return page.uri().resolve(unescapeHtml(action.group(1)));
  }

  private Page get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET(), uri);
  }

  private Page send(HttpRequest.Builder request, URI uri) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      URI redirect = response.statusCode() / 100 == 3
          ? response.headers().firstValue("Location").map(uri::resolve).orElse(null)
          : null;
      return new Page(uri, response.statusCode(), response.body(), redirect);
    } catch (IOException e) {
      throw new UncheckedIOException("request to " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
          + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a person would read on the page: a field error or alert, else the page title. */
  private static String feedback(Page page) {
    Matcher message = FEEDBACK.matcher(page.body());
    if (message.find()) {
      return unescapeHtml(message.group(1));
    }
    Matcher title = TITLE.matcher(page.body());
    return title.find() ? unescapeHtml(title.group(1)) : "(no message on the page)";
  }

  private boolean sameOrigin(URI uri) {
    return keycloak.equals(origin(uri));
  }

  private static URI origin(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return URI.create(uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + ":" + port);
  }

  private static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(field -> formEncode(field.getKey()) + "=" + formEncode(field.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8);
  }

  private static String unescapeHtml(String text) {
    return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private record Page(URI uri, int status, String body, URI redirect) {}
}
