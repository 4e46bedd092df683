package dev.watchword.server.vault;

import dev.watchword.otp.imports.ImportProblem;
import dev.watchword.server.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A real import of a file in which some entries could not be read: all or nothing, so nothing was
 * imported. {@code errors} lists each bad entry's position and what is wrong with it.
 */
class ImportHasErrorsException extends ProblemException {

  private final List<ImportProblem> errors;

  ImportHasErrorsException(List<ImportProblem> errors) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "import-has-errors", "Import has errors",
        errors.size() + (errors.size() == 1 ? " entry" : " entries") + " could not be read, so nothing was"
            + " imported. Fix the file, or preview with dryRun=true to see what would be imported.");
    this.errors = List.copyOf(errors);
  }

  @Override
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = super.toProblemDetail();
    problem.setProperty("errors", errors.stream()
        .map(e -> Map.of("position", e.position(), "message", e.message()))
        .toList());
    return problem;
  }
}
