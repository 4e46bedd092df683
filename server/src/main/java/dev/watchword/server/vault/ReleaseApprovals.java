package dev.watchword.server.vault;

import dev.watchword.server.runtime.InLists;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Two-person release approvals. Each state change is one conditional UPDATE, so an approval is
 * decided once and used once, whatever races on however many nodes. Every statement carries
 * {@code vault_id = :vaultId}.
 */
@Repository
class ReleaseApprovals {

  private final JdbcClient jdbc;

  ReleaseApprovals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String request(VaultId vault, EntryId entry, UserId requester, String purpose, String reason, Instant now,
      Instant expiresAt) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            INSERT INTO release_approval (id, vault_id, entry_id, requester_id, purpose, reason, status, created_at,
                                          expires_at)
            VALUES (:id, :vaultId, :entryId, :requester, :purpose, :reason, 'pending', :now, :expires)""")
        .param("id", id).param("vaultId", vault.toString()).param("entryId", entry.toString())
        .param("purpose", purpose)
        .param("requester", requester.toString()).param("reason", reason)
        .param("now", now.toEpochMilli()).param("expires", expiresAt.toEpochMilli())
        .update();
    return id;
  }

  /**
   * Decides a pending request; never the requester's own. Returns what was decided (its purpose and
   * entry) when this call decided it, empty otherwise.
   */
  Optional<Decided> decide(VaultId vault, String id, UserId approver, boolean approve, Instant now,
      Instant usableUntil) {
    return jdbc.sql("""
            UPDATE release_approval SET status = :status, approver_id = :approver, decided_at = :now,
                                        expires_at = :until
            WHERE id = :id AND vault_id = :vaultId AND status = 'pending' AND expires_at > :now
              AND requester_id <> :approver
            RETURNING purpose, entry_id""")
        .param("status", approve ? "approved" : "denied").param("approver", approver.toString())
        .param("now", now.toEpochMilli()).param("until", usableUntil.toEpochMilli())
        .param("id", id).param("vaultId", vault.toString())
        .query((rs, n) -> new Decided(rs.getString("purpose"), EntryId.of(rs.getString("entry_id"))))
        .optional();
  }

  /** A request just decided: for the audit's action ({@code <purpose>.approval.approve}) and entry. */
  record Decided(String purpose, EntryId entry) {}

  /** Uses an approved request of this requester for this entry and purpose, once; returns who approved it. */
  Optional<UserId> use(VaultId vault, EntryId entry, String purpose, String id, UserId requester, Instant now) {
    return jdbc.sql("""
            UPDATE release_approval SET status = 'used'
            WHERE id = :id AND vault_id = :vaultId AND entry_id = :entryId AND requester_id = :requester
              AND purpose = :purpose AND status = 'approved' AND expires_at > :now
            RETURNING approver_id""")
        .param("id", id).param("vaultId", vault.toString()).param("entryId", entry.toString())
        .param("purpose", purpose)
        .param("requester", requester.toString()).param("now", now.toEpochMilli())
        .query((rs, n) -> UserId.of(rs.getString("approver_id")))
        .optional();
  }

  private static final String PENDING = """
      SELECT a.id, a.vault_id, a.entry_id, a.requester_id, u.username, a.purpose, a.reason, a.created_at,
             a.expires_at
      FROM release_approval a JOIN app_user u ON u.id = a.requester_id
      WHERE a.vault_id IN (:vaultIds) AND a.status = 'pending' AND a.expires_at > :now
      ORDER BY a.created_at""";

  List<Pending> pending(VaultId vault, Instant now) {
    return pendingIn(List.of(vault), now);
  }

  /** The live requests of all {@code vaults}, oldest first. */
  List<Pending> pendingIn(Collection<VaultId> vaults, Instant now) {
    List<Pending> found = new ArrayList<>();
    for (List<String> some : InLists.of(vaults)) {
      found.addAll(jdbc.sql(PENDING)
          .param("vaultIds", some)
          .param("now", now.toEpochMilli())
          .query((rs, n) -> new Pending(rs.getString("id"), VaultId.of(rs.getString("vault_id")),
              EntryId.of(rs.getString("entry_id")), UserId.of(rs.getString("requester_id")), rs.getString("username"),
              rs.getString("purpose"), rs.getString("reason"),
              Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
          .list());
    }
    found.sort(java.util.Comparator.comparing(Pending::requestedAt));
    return found;
  }

  record Pending(String id, VaultId vault, EntryId entry, UserId requester, String requesterName, String purpose,
      String reason, Instant requestedAt, Instant expiresAt) {}
}
