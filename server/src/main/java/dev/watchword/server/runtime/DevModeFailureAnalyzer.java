package dev.watchword.server.runtime;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A short report instead of a stack trace when development mode refuses its settings. */
class DevModeFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
    if (cause instanceof DevModeRefusedException) {
      return new FailureAnalysis(cause.getMessage(),
          "Drop --address, or use 127.0.0.1 or ::1; run without --dev to serve other machines.", cause);
    }
    if (cause instanceof DataDirectoryRequiredException) {
      return new FailureAnalysis(cause.getMessage(), "Add --data-dir DIR, or drop --db-url.", cause);
    }
    return null;
  }
}
