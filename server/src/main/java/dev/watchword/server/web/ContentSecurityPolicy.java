package dev.watchword.server.web;

/** The one Content-Security-Policy of every page and answer: no inline script or style anywhere. */
public final class ContentSecurityPolicy {

  /** Pages load only their own files; {@code data:} images for the enrolment QR code. */
  public static final String DIRECTIVES = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private ContentSecurityPolicy() {}
}
