package dev.watchword.server.vault;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Entries of a vault. Every statement carries {@code vault_id = :vaultId}. */
@Repository
class EntryRepository {

  private static final String COLUMNS = """
      id, vault_id, issuer, account, otp_type, encoder, algorithm, digits, period, counter, weak_secret, created_at,
      rotation_due_at, high_value""";

  /** The stored {@code encoder} of a Steam Guard entry (see migration V15). */
  private static final String STEAM = "steam";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  EntryRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** An entry to store with its sealed seed. */
  record Sealed(Entry entry, byte[] secretCiphertext) {}

  /**
   * Stores new entries of one vault as one JDBC batch: an import of thousands costs one round trip
   * on PostgreSQL instead of one each. All or nothing only together with the caller's transaction.
   */
  void insertAll(List<Sealed> sealed, UserId createdBy) {
    SqlParameterSource[] rows = sealed.stream().map(s -> row(s, createdBy)).toArray(SqlParameterSource[]::new);
    batch.batchUpdate("""
        INSERT INTO entry (id, vault_id, issuer, account, otp_type, encoder, algorithm, digits, period, counter,
                           secret_ciphertext, weak_secret, created_at, created_by)
        VALUES (:id, :vaultId, :issuer, :account, :type, :encoder, :algorithm, :digits, :period, :counter,
                :ciphertext, :weak, :createdAt, :createdBy)""", rows);
  }

  private static SqlParameterSource row(Sealed sealed, UserId createdBy) {
    Entry entry = sealed.entry();
    OtpParameters p = entry.parameters();
    return new MapSqlParameterSource()
        .addValue("id", entry.id().toString())
        .addValue("vaultId", entry.vaultId().toString())
        .addValue("issuer", entry.issuer(), Types.VARCHAR)
        .addValue("account", entry.account())
        .addValue("type", p.type() == OtpType.HOTP ? "hotp" : "totp")
        .addValue("encoder", p.type() == OtpType.STEAM ? STEAM : null, Types.VARCHAR)
        .addValue("algorithm", p.algorithm().name())
        .addValue("digits", p.type() == OtpType.STEAM ? OtpParameters.DEFAULT_DIGITS : p.digits())
        .addValue("period", p.period())
        .addValue("counter", p.counter())
        .addValue("ciphertext", sealed.secretCiphertext(), Types.BINARY)
        .addValue("weak", entry.weakSecret())
        .addValue("createdAt", entry.createdAt().toEpochMilli())
        .addValue("createdBy", createdBy.toString());
  }

  List<Entry> list(VaultId vaultId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM entry WHERE vault_id = :vaultId ORDER BY COALESCE(issuer, ''), account, id")
        .param("vaultId", vaultId.toString())
        .query(EntryRepository::entry)
        .list();
  }

  Optional<SealedEntry> findSealed(VaultId vaultId, EntryId entryId) {
    return jdbc.sql("SELECT " + COLUMNS + ", secret_ciphertext FROM entry WHERE vault_id = :vaultId AND id = :id")
        .param("vaultId", vaultId.toString())
        .param("id", entryId.toString())
        .query((rs, row) -> new SealedEntry(entry(rs, row), rs.getBytes("secret_ciphertext")))
        .optional();
  }

  /** Every entry of the vault with its sealed seed (for duplicate detection on import). */
  List<SealedEntry> listSealed(VaultId vaultId) {
    return jdbc.sql("SELECT " + COLUMNS + ", secret_ciphertext FROM entry WHERE vault_id = :vaultId")
        .param("vaultId", vaultId.toString())
        .query((rs, row) -> new SealedEntry(entry(rs, row), rs.getBytes("secret_ciphertext")))
        .list();
  }

  void setHighValue(VaultId vaultId, EntryId entryId, boolean highValue) {
    jdbc.sql("UPDATE entry SET high_value = :highValue WHERE vault_id = :vaultId AND id = :id")
        .param("highValue", highValue).param("vaultId", vaultId.toString()).param("id", entryId.toString())
        .update();
  }

  void markRotationDue(VaultId vaultId, EntryId entryId, Instant since) {
    jdbc.sql("""
            UPDATE entry SET rotation_due_at = COALESCE(rotation_due_at, :since)
            WHERE vault_id = :vaultId AND id = :id""")
        .param("since", since.toEpochMilli()).param("vaultId", vaultId.toString()).param("id", entryId.toString())
        .update();
  }

  /** Replaces the seed (and for HOTP the counter); the entry is no longer due for rotation. */
  void replaceSecret(VaultId vaultId, EntryId entryId, byte[] secretCiphertext, boolean weak, long counter) {
    jdbc.sql("""
            UPDATE entry SET secret_ciphertext = :ciphertext, weak_secret = :weak, counter = :counter,
                             rotation_due_at = NULL
            WHERE vault_id = :vaultId AND id = :id""")
        .param("ciphertext", secretCiphertext).param("weak", weak).param("counter", counter)
        .param("vaultId", vaultId.toString()).param("id", entryId.toString())
        .update();
  }

  /**
   * Takes the next HOTP counter: one atomic statement increments it and returns the value it
   * held, so concurrent releases, on one node or many, never get the same counter. The last
   * counter, {@code Long.MAX_VALUE}, is never released: it could not be followed by another.
   */
  long takeHotpCounter(VaultId vaultId, EntryId entryId) {
    return jdbc.sql("""
            UPDATE entry SET counter = counter + 1
            WHERE vault_id = :vaultId AND id = :id AND otp_type = 'hotp' AND counter < :lastCounter
            RETURNING counter - 1""")
        .param("vaultId", vaultId.toString())
        .param("id", entryId.toString())
        .param("lastCounter", Long.MAX_VALUE)
        .query(Long.class)
        .optional()
        // The entry was loaded in this transaction, so no row means the counter space is spent.
        .orElseThrow(HotpCounterExhaustedException::new);
  }

  private static Entry entry(ResultSet rs, int row) throws SQLException {
    OtpType type = OtpType.parse(rs.getString("otp_type"));
    HmacAlgorithm algorithm = HmacAlgorithm.parse(rs.getString("algorithm"));
    int digits = rs.getInt("digits");
    OtpParameters parameters;
    if (type == OtpType.HOTP) {
      parameters = OtpParameters.hotp(algorithm, digits, rs.getLong("counter"));
    } else if (STEAM.equals(rs.getString("encoder"))) {
      parameters = OtpParameters.steam(rs.getInt("period"));
    } else {
      parameters = OtpParameters.totp(algorithm, digits, rs.getInt("period"));
    }
    return new Entry(EntryId.of(rs.getString("id")), VaultId.of(rs.getString("vault_id")),
        rs.getString("issuer"), rs.getString("account"), parameters, rs.getBoolean("weak_secret"),
        Instant.ofEpochMilli(rs.getLong("created_at")), instantOrNull(rs, "rotation_due_at"),
        rs.getBoolean("high_value"));
  }

  private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
