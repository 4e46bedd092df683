package dev.watchword.server.web;

/** The rule behind {@link PlainText}, for code that checks text outside Bean Validation. */
public final class PlainTextRule {

  private PlainTextRule() {}

  /** True when every code point of {@code text} is plain; {@code null} counts as plain. */
  public static boolean isPlain(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      switch (Character.getType(c)) {
        case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
            Character.SURROGATE, Character.UNASSIGNED -> {
          return false;
        }
        default -> {
          // plain
        }
      }
    }
    return true;
  }
}
