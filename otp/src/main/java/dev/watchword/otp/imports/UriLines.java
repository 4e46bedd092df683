package dev.watchword.otp.imports;

/**
 * Text with one URI a line: otpauth:// Key URIs (Ente Auth's plain export, andOTP's and Aegis' URI exports,
 * scripts) and Google Authenticator's otpauth-migration:// URIs, in any mix. Blank lines and lines starting with
 * '#' are ignored; surrounding whitespace is stripped; positions are 1-based line numbers.
 */
final class UriLines {

  private UriLines() {
  }

  /** True when the first line that is not blank or a comment starts with otpauth. */
  static boolean matches(String text) {
    for (String line : text.split("\\R", 64)) {
      String stripped = line.strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        return stripped.regionMatches(true, 0, "otpauth", 0, "otpauth".length());
      }
    }
    return false;
  }

  static ImportResult read(String text, ImportLimits limits) {
    EntryCollector collector = new EntryCollector(limits);
    UriEntries uris = new UriEntries(collector, limits);
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        uris.add("line " + (i + 1), line);
      }
    }
    uris.finish();
    return collector.result(uris.onlyMigration()
        ? ImportFormat.GOOGLE_AUTHENTICATOR_MIGRATION : ImportFormat.OTPAUTH_URIS);
  }
}
