package dev.watchword.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a page's form goes once it has done its work (post/redirect/get). A plain form submission
 * gets a 303 to the next page; an htmx submission would follow such a redirect itself and swap
 * the whole next page into its small target, so it is told to navigate instead
 * ({@code HX-Redirect}, no body).
 */
public final class PageRedirect {

  private PageRedirect() {}

  /** Whether the request was made by htmx (and expects a fragment, not a page). */
  public static boolean isHtmx(HttpServletRequest request) {
    return request.getHeader("HX-Request") != null;
  }

  /**
   * Answers with the way to {@code path}, a path of this application: an {@code HX-Redirect} for
   * htmx, a 303 otherwise. Returns {@code null}, the view name of a response that is complete.
   */
  public static String to(String path, HttpServletRequest request, HttpServletResponse response) {
    if (isHtmx(request)) {
      response.setHeader("HX-Redirect", path);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return null;
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", path);
    return null;
  }
}
