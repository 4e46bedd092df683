package dev.watchword.server.web;

/** An optional text field of a form or a JSON body, where blank means the same as absent. */
public final class OptionalText {

  private OptionalText() {}

  /** {@code text} without surrounding white space, or {@code null} when it is missing or blank. */
  public static String strippedOrNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
