package dev.watchword.server.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a master key refusal into Spring Boot's short "APPLICATION FAILED TO START" report
 * instead of a stack trace, so an operator reads what is wrong and what to do.
 */
class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Watchword will not start until the master key is in order; see 'Back up the master key file' in the README.",
        cause);
  }
}
