package dev.watchword.server.vault;

import dev.watchword.otp.imports.ImportFormatException;
import dev.watchword.server.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A file that cannot be imported at all: unknown or unsupported format, wrong or missing password,
 * over a limit, or broken. The detail says what is wrong and where (the library's message, which
 * never holds secret material); {@code where} repeats the place for programs.
 */
class ImportRefusedException extends ProblemException {

  private final String where;

  private ImportRefusedException(HttpStatus status, String slug, String title, String detail, String where) {
    super(status, slug, title, detail);
    this.where = where;
  }

  static ImportRefusedException of(ImportFormatException e) {
    return switch (e.reason()) {
      case LIMIT_EXCEEDED -> new ImportRefusedException(HttpStatus.CONTENT_TOO_LARGE, "import-too-large",
          "Import too large", e.getMessage(), e.where());
      case PASSWORD_REQUIRED -> new ImportRefusedException(HttpStatus.BAD_REQUEST, "import-password-required",
          "Password required", e.getMessage(), e.where());
      case WRONG_PASSWORD -> new ImportRefusedException(HttpStatus.BAD_REQUEST, "import-wrong-password",
          "Wrong password", e.getMessage(), e.where());
      case UNKNOWN_FORMAT, UNSUPPORTED -> new ImportRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "import-unsupported-format", "Unsupported import format", e.getMessage(), e.where());
      case MALFORMED, NO_CODE_FOUND -> new ImportRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "import-malformed",
          "Malformed import file", e.getMessage(), e.where());
    };
  }

  @Override
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = super.toProblemDetail();
    problem.setProperty("where", where);
    return problem;
  }
}
