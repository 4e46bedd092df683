package dev.watchword.otp.imports;

import dev.watchword.otp.imports.ImportFormatException.Reason;

/** Factories for whole-file refusals, so that format readers read as a list of checks. */
final class Refused {

  private Refused() {
  }

  static ImportFormatException malformed(String where, String message) {
    return new ImportFormatException(Reason.MALFORMED, where, message);
  }

  static ImportFormatException malformed(String where, String message, Throwable cause) {
    return new ImportFormatException(Reason.MALFORMED, where, message, cause);
  }

  static ImportFormatException unsupported(String where, String message) {
    return new ImportFormatException(Reason.UNSUPPORTED, where, message);
  }

  static ImportFormatException limit(String where, String message) {
    return new ImportFormatException(Reason.LIMIT_EXCEEDED, where, message);
  }

  static ImportFormatException passwordRequired(String formatName) {
    return new ImportFormatException(Reason.PASSWORD_REQUIRED, "file",
        "this " + formatName + " is encrypted; give its password");
  }

  static ImportFormatException wrongPassword(String formatName) {
    return new ImportFormatException(Reason.WRONG_PASSWORD, "file",
        "the password does not decrypt this " + formatName + " (or the file was altered)");
  }
}
