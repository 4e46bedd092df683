package dev.watchword.server.vault;

import java.time.Instant;

/**
 * Two-person release: the code (or seed) will be released to the requester once another member of the
 * vault approves {@code approvalId} before {@code expiresAt}; the requester then asks again with it.
 */
public record ApprovalRequired(String status, String approvalId, Instant expiresAt)
    implements ReleaseOutcome, RevealOutcome {

  ApprovalRequired(String approvalId, Instant expiresAt) {
    this("APPROVAL_REQUIRED", approvalId, expiresAt);
  }
}
