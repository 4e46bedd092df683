package dev.watchword.server.runtime;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A short report instead of a stack trace when development mode refuses its address. */
class DevModeFailureAnalyzer extends AbstractFailureAnalyzer<DevModeRefusedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DevModeRefusedException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Drop --address, or use 127.0.0.1 or ::1; run without --dev to serve other machines.", cause);
  }
}
