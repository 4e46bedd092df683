package dev.watchword.server.identity;

/** How a name typed at sign-in may appear in the audit: bounded, printable, never empty. */
final class AuditNames {

  private static final int MAX = 64;

  private AuditNames() {}

  static String attempted(String typed) {
    if (typed == null || typed.isBlank()) {
      return "(none)";
    }
    String printable = typed.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .limit(MAX)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return "attempt:" + printable;
  }
}
