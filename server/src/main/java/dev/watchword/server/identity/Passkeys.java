package dev.watchword.server.identity;

import dev.watchword.server.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * Users' passkeys: Spring Security's credential store, and the list and removal the API offers.
 *
 * <p>Guarantees: only public key material is stored (the COSE key and the attestation object);
 * a credential id is registered once; {@link #list} never returns key material; a passkey is
 * removed only by the user it belongs to. Times come from the injected clock.
 */
@Repository
class Passkeys implements UserCredentialRepository {

  static final int MAX_LABEL_LENGTH = 64;

  private static final String COLUMNS = "credential_id, user_handle, credential_type, public_key_cose,"
      + " signature_count, uv_initialized, backup_eligible, backup_state, transports, attestation_object,"
      + " attestation_client_data_json, label, created_at, last_used_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  Passkeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  boolean hasAny(UserId user) {
    return jdbc.sql("SELECT COUNT(*) FROM passkey WHERE user_id = :user").param("user", user.toString())
        .query(Long.class).single() > 0;
  }

  /** The user's passkeys, newest first, without key material. */
  List<PasskeyView> list(UserId user) {
    return jdbc.sql("SELECT id, label, created_at, last_used_at FROM passkey WHERE user_id = :user"
            + " ORDER BY created_at DESC, id")
        .param("user", user.toString())
        .query((rs, n) -> new PasskeyView(rs.getString("id"), rs.getString("label"),
            Instant.ofEpochMilli(rs.getLong("created_at")), instantOrNull(rs, "last_used_at")))
        .list();
  }

  /** Removes one of the user's passkeys; true when it existed and was theirs. */
  boolean remove(UserId user, String id) {
    return jdbc.sql("DELETE FROM passkey WHERE id = :id AND user_id = :user")
        .param("id", id).param("user", user.toString()).update() == 1;
  }

  /** The user a credential belongs to, if it is registered. */
  java.util.Optional<UserId> findOwner(Bytes credentialId) {
    return jdbc.sql("SELECT user_id FROM passkey WHERE credential_id = :id")
        .param("id", credentialId.toBase64UrlString())
        .query((rs, n) -> UserId.of(rs.getString("user_id"))).optional();
  }

  @Override
  public void delete(Bytes credentialId) {
    jdbc.sql("DELETE FROM passkey WHERE credential_id = :id").param("id", credentialId.toBase64UrlString()).update();
  }

  /**
   * A new credential is inserted for the user its handle names; a known one only has its
   * signature count, backup state and last use updated (after a verified assertion), and only if
   * the count moved forward or both are zero (authenticators that keep no counter): otherwise
   * {@link PossibleClonedPasskeyException}. The check and the update are one statement, so two
   * racing assertions with the same count cannot both pass.
   */
  @Override
  public void save(CredentialRecord record) {
    long now = clock.millis();
    long count = record.getSignatureCount();
    String id = record.getCredentialId().toBase64UrlString();
    int updated = jdbc.sql("""
            UPDATE passkey SET signature_count = :count, backup_state = :backupState, last_used_at = :now
            WHERE credential_id = :id AND (signature_count < :count OR (signature_count = 0 AND :count = 0))""")
        .param("count", count)
        .param("backupState", record.isBackupState() ? 1 : 0)
        .param("now", now)
        .param("id", id)
        .update();
    if (updated == 1) {
      return;
    }
    Long stored = jdbc.sql("SELECT signature_count FROM passkey WHERE credential_id = :id").param("id", id)
        .query(Long.class).optional().orElse(null);
    if (stored != null) {
      throw new PossibleClonedPasskeyException(stored, count);
    }
    jdbc.sql("INSERT INTO passkey (id, user_id, " + COLUMNS + ")"
            + " SELECT :uuid, e.user_id, :id, e.user_handle, :type, :publicKey, :count, :uv, :backupEligible,"
            + " :backupState, :transports, :attestation, :clientData, :label, :now, NULL"
            + " FROM webauthn_user_entity e WHERE e.user_handle = :handle")
        .param("uuid", UUID.randomUUID().toString())
        .param("id", record.getCredentialId().toBase64UrlString())
        .param("type", record.getCredentialType() == null ? "public-key" : record.getCredentialType().getValue())
        .param("publicKey", record.getPublicKey().getBytes())
        .param("count", record.getSignatureCount())
        .param("uv", record.isUvInitialized() ? 1 : 0)
        .param("backupEligible", record.isBackupEligible() ? 1 : 0)
        .param("backupState", record.isBackupState() ? 1 : 0)
        .param("transports", record.getTransports().stream().map(AuthenticatorTransport::getValue).sorted()
            .collect(Collectors.joining(",")))
        .param("attestation", record.getAttestationObject() == null ? null : record.getAttestationObject().getBytes())
        .param("clientData", record.getAttestationClientDataJSON() == null ? null
            : record.getAttestationClientDataJSON().getBytes())
        .param("label", record.getLabel())
        .param("now", now)
        .param("handle", record.getUserEntityUserId().toBase64UrlString())
        .update();
  }

  @Override
  public CredentialRecord findByCredentialId(Bytes credentialId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM passkey WHERE credential_id = :id")
        .param("id", credentialId.toBase64UrlString())
        .query(Passkeys::record).optional().orElse(null);
  }

  @Override
  public List<CredentialRecord> findByUserId(Bytes userHandle) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM passkey WHERE user_handle = :handle ORDER BY created_at")
        .param("handle", userHandle.toBase64UrlString())
        .query(Passkeys::record).list();
  }

  private static CredentialRecord record(ResultSet rs, int n) throws SQLException {
    Instant lastUsed = instantOrNull(rs, "last_used_at");
    byte[] clientData = rs.getBytes("attestation_client_data_json");
    Instant created = Instant.ofEpochMilli(rs.getLong("created_at"));
    return ImmutableCredentialRecord.builder()
        .credentialId(Bytes.fromBase64(rs.getString("credential_id")))
        .userEntityUserId(Bytes.fromBase64(rs.getString("user_handle")))
        .credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
        .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key_cose")))
        .signatureCount(rs.getLong("signature_count"))
        .uvInitialized(rs.getInt("uv_initialized") == 1)
        .backupEligible(rs.getInt("backup_eligible") == 1)
        .backupState(rs.getInt("backup_state") == 1)
        .transports(transports(rs.getString("transports")))
        .attestationObject(new Bytes(rs.getBytes("attestation_object")))
        .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
        .label(rs.getString("label"))
        .created(created)
        .lastUsed(lastUsed == null ? created : lastUsed)
        .build();
  }

  private static Set<AuthenticatorTransport> transports(String stored) {
    return Arrays.stream(stored.split(",")).filter(t -> !t.isBlank()).map(AuthenticatorTransport::valueOf)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  /** A passkey as its owner sees it: a name and dates, never key material. */
  public record PasskeyView(String id, String label, Instant createdAt, Instant lastUsedAt) {}
}
