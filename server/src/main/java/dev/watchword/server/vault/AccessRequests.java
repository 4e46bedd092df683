package dev.watchword.server.vault;

import dev.watchword.server.runtime.InLists;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Just-in-time access requests and the vault settings they obey. Decisions are conditional UPDATEs. */
@Repository
class AccessRequests {

  private static final String COLUMNS =
      "r.id, r.vault_id, v.name, r.requester_id, r.role, r.duration_minutes, r.reason, r.status, r.created_at,"
          + " r.expires_at, r.grant_until";

  private final JdbcClient jdbc;

  AccessRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Settings> settings(VaultId vault) {
    return jdbc.sql("SELECT requestable, max_grant_minutes FROM vault WHERE id = :vaultId")
        .param("vaultId", vault.toString())
        .query((rs, n) -> new Settings(rs.getBoolean("requestable"), rs.getInt("max_grant_minutes")))
        .optional();
  }

  void updateSettings(VaultId vault, Settings settings) {
    jdbc.sql("UPDATE vault SET requestable = :requestable, max_grant_minutes = :max WHERE id = :vaultId")
        .param("requestable", settings.requestable()).param("max", settings.maxGrantMinutes())
        .param("vaultId", vault.toString()).update();
  }

  /** Requestable vaults (name and client only) where the user holds no live direct membership. */
  List<Requestable> requestableFor(UserId user, Instant now) {
    return jdbc.sql("""
            SELECT v.id, v.name, v.client, v.max_grant_minutes FROM vault v
            WHERE v.requestable = :yes AND NOT EXISTS (
              SELECT 1 FROM vault_member m WHERE m.vault_id = v.id AND m.user_id = :userId
                AND (m.expires_at IS NULL OR m.expires_at > :now))
            ORDER BY v.name, v.id""")
        .param("yes", true).param("userId", user.toString()).param("now", now.toEpochMilli())
        .query((rs, n) -> new Requestable(rs.getString("id"), rs.getString("name"), rs.getString("client"),
            rs.getInt("max_grant_minutes")))
        .list();
  }

  String create(VaultId vault, UserId requester, VaultRole role, int minutes, String reason, Instant now,
      Instant expiresAt) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            INSERT INTO access_request (id, vault_id, requester_id, role, duration_minutes, reason, status,
                                        created_at, expires_at)
            VALUES (:id, :vaultId, :requester, :role, :minutes, :reason, 'pending', :now, :expires)""")
        .param("id", id).param("vaultId", vault.toString()).param("requester", requester.toString())
        .param("role", role.wireName()).param("minutes", minutes).param("reason", reason)
        .param("now", now.toEpochMilli()).param("expires", expiresAt.toEpochMilli())
        .update();
    return id;
  }

  Optional<Request> find(VaultId vault, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM access_request r JOIN vault v ON v.id = r.vault_id"
            + " WHERE r.vault_id = :vaultId AND r.id = :id")
        .param("vaultId", vault.toString()).param("id", id)
        .query(AccessRequests::request).optional();
  }

  /** Decides a live pending request of another user; true when this call decided it. */
  boolean decide(VaultId vault, String id, UserId decider, boolean approve, Instant now, Instant grantUntil) {
    return jdbc.sql("""
            UPDATE access_request SET status = :status, decided_by = :decider, decided_at = :now,
                                      grant_until = :until
            WHERE id = :id AND vault_id = :vaultId AND status = 'pending' AND expires_at > :now
              AND requester_id <> :decider""")
        .param("status", approve ? "approved" : "denied").param("decider", decider.toString())
        .param("now", now.toEpochMilli()).param("until", grantUntil == null ? null : grantUntil.toEpochMilli())
        .param("id", id).param("vaultId", vault.toString())
        .update() == 1;
  }

  List<Request> ofVault(VaultId vault) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM access_request r JOIN vault v ON v.id = r.vault_id"
            + " WHERE r.vault_id = :vaultId ORDER BY r.created_at DESC")
        .param("vaultId", vault.toString()).query(AccessRequests::request).list();
  }

  /** The pending requests (some may have run out by now) of all {@code vaults}, newest first. */
  List<Request> pendingIn(Collection<VaultId> vaults) {
    List<Request> found = new ArrayList<>();
    for (List<String> some : InLists.of(vaults)) {
      found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM access_request r JOIN vault v ON v.id = r.vault_id"
              + " WHERE r.vault_id IN (:vaultIds) AND r.status = 'pending' ORDER BY r.created_at DESC")
          .param("vaultIds", some)
          .query(AccessRequests::request).list());
    }
    found.sort(java.util.Comparator.comparing(Request::createdAt).reversed());
    return found;
  }

  List<Request> ofRequester(UserId user) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM access_request r JOIN vault v ON v.id = r.vault_id"
            + " WHERE r.requester_id = :userId ORDER BY r.created_at DESC")
        .param("userId", user.toString()).query(AccessRequests::request).list();
  }

  /**
   * Live grants of the vault: approved requests whose time has not run out. A grant is its
   * approved request; it sits beside the user's lasting membership and never replaces it.
   */
  List<Grant> liveGrants(VaultId vault, Instant now) {
    return jdbc.sql("""
            SELECT requester_id, role, grant_until FROM access_request
            WHERE vault_id = :vaultId AND status = 'approved' AND grant_until > :now
            ORDER BY decided_at, id""")
        .param("vaultId", vault.toString()).param("now", now.toEpochMilli())
        .query((rs, n) -> new Grant(UserId.of(rs.getString("requester_id")),
            VaultRole.fromWire(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("grant_until"))))
        .list();
  }

  /** Ends the user's live grants in one vault now (a manager removed them); how many ended. */
  int endGrants(VaultId vault, UserId user, Instant now) {
    return jdbc.sql("""
            UPDATE access_request SET grant_until = :now
            WHERE vault_id = :vaultId AND requester_id = :userId AND status = 'approved' AND grant_until > :now""")
        .param("now", now.toEpochMilli()).param("vaultId", vault.toString()).param("userId", user.toString())
        .update();
  }

  /** Offboarding: ends every live grant of the user, in every vault. */
  int endGrantsOf(UserId user, Instant now) {
    return jdbc.sql("""
            UPDATE access_request SET grant_until = :now
            WHERE requester_id = :userId AND status = 'approved' AND grant_until > :now""")
        .param("now", now.toEpochMilli()).param("userId", user.toString())
        .update();
  }

  int cancelPendingOf(UserId user) {
    return jdbc.sql("UPDATE access_request SET status = 'cancelled' WHERE requester_id = :userId AND status = 'pending'")
        .param("userId", user.toString()).update();
  }

  private static Request request(ResultSet rs, int n) throws SQLException {
    long until = rs.getLong("grant_until");
    Instant grantUntil = rs.wasNull() ? null : Instant.ofEpochMilli(until);
    return new Request(rs.getString("id"), VaultId.of(rs.getString("vault_id")), rs.getString("name"),
        UserId.of(rs.getString("requester_id")), VaultRole.fromWire(rs.getString("role")),
        rs.getInt("duration_minutes"), rs.getString("reason"), rs.getString("status"),
        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")), grantUntil);
  }

  record Settings(boolean requestable, int maxGrantMinutes) {}

  public record Requestable(String id, String name, String client, int maxGrantMinutes) {}

  /** A live just-in-time grant: an approved request gives {@code user} {@code role} until {@code until}. */
  record Grant(UserId user, VaultRole role, Instant until) {}

  public record Request(String id, VaultId vault, String vaultName, UserId requester, VaultRole role, int minutes,
      String reason, String status, Instant createdAt, Instant expiresAt, Instant grantUntil) {

    /** The status as the requester should read it: pending requests lapse, granted time ends. */
    String statusAt(Instant now) {
      if (status.equals("pending") && !expiresAt.isAfter(now)) {
        return "expired";
      }
      if (status.equals("approved") && grantUntil != null && !grantUntil.isAfter(now)) {
        return "ended";
      }
      return status;
    }
  }
}
