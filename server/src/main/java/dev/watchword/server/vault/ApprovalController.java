package dev.watchword.server.vault;

import dev.watchword.server.identity.Caller;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The second person of a two-person release: lists what waits for them, approves or denies. */
@RestController
@RequestMapping(path = "/api/v1/vaults/{vaultId}/approvals", produces = "application/json")
class ApprovalController {

  private final ReleaseApprovalService approvals;

  ApprovalController(ReleaseApprovalService approvals) {
    this.approvals = approvals;
  }

  @GetMapping
  @VaultAction("approval.list")
  PendingList pending(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId) {
    return new PendingList(approvals.pending(caller, PathIds.vault(vaultId)).stream()
        .map(p -> new PendingItem(p.id(), p.entry().toString(), p.requesterName(), p.purpose(), p.reason(),
            p.requestedAt(), p.expiresAt()))
        .toList());
  }

  @PostMapping("/{approvalId}/approve")
  @VaultAction("approval.approve")
  ResponseEntity<Void> approve(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String approvalId, HttpServletRequest request) {
    approvals.decide(caller, PathIds.vault(vaultId), approvalId, true, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{approvalId}/deny")
  @VaultAction("approval.deny")
  ResponseEntity<Void> deny(@AuthenticationPrincipal Caller caller, @PathVariable String vaultId,
      @PathVariable String approvalId, HttpServletRequest request) {
    approvals.decide(caller, PathIds.vault(vaultId), approvalId, false, RequestOrigins.of(request));
    return ResponseEntity.noContent().build();
  }


  /** {@code purpose}: {@code code} (a code release) or {@code reveal} (a seed reveal). */
  record PendingItem(String approvalId, String entryId, String requester, String purpose, String reason,
      Instant requestedAt, Instant expiresAt) {}

  record PendingList(List<PendingItem> approvals) {}
}
