package dev.watchword.server.vault;

import dev.watchword.server.runtime.InLists;
import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.server.runtime.InsertBatches;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.shared.VaultId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Entries of a vault and their tags. Every statement carries {@code vault_id = :vaultId}. An entry
 * is read with its tags in one statement (a LEFT JOIN gives one row per tag), so the hot path
 * costs no extra round trip.
 */
@Repository
class EntryRepository {

  private static final String COLUMNS = """
      e.id, e.vault_id, e.issuer, e.account, e.otp_type, e.encoder, e.algorithm, e.digits, e.period, e.counter,
      e.weak_secret, e.created_at, e.rotation_due_at, e.high_value, t.tag""";
  private static final String FROM = """
       FROM entry e LEFT JOIN entry_tag t ON t.vault_id = e.vault_id AND t.entry_id = e.id
      WHERE e.vault_id = :vaultId""";
  private static final String ORDER = " ORDER BY COALESCE(e.issuer, ''), e.account, e.id, t.tag";
  private static final String INSERT_ENTRY = """
      INSERT INTO entry (id, vault_id, issuer, account, otp_type, encoder, algorithm, digits, period, counter,
                         secret_ciphertext, weak_secret, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  private static final String INSERT_TAG = "INSERT INTO entry_tag (vault_id, entry_id, tag) VALUES (?, ?, ?)";

  /** The stored {@code encoder} of a Steam Guard entry (see migration V15). */
  private static final String STEAM = "steam";

  private static final ResultSetExtractor<List<SealedEntry>> WITH_TAGS = rs -> read(rs, false);
  private static final ResultSetExtractor<List<SealedEntry>> SEALED_WITH_TAGS = rs -> read(rs, true);

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  EntryRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** An entry to store with its sealed seed. */
  record Sealed(Entry entry, byte[] secretCiphertext) {}

  /**
   * Stores new entries of one vault and their tags in JDBC batches of at most {@value
   * InsertBatches#ROWS} rows: an import of thousands costs a few round trips on PostgreSQL, not one
   * per entry. All or nothing only together with the caller's transaction.
   */
  void insertAll(List<Sealed> sealed, UserId createdBy) {
    String creator = createdBy.toString();
    batch.batchUpdate(INSERT_ENTRY, sealed, InsertBatches.ROWS, (statement, row) -> bind(statement, row, creator));
    insertTags(sealed.stream().map(Sealed::entry)
        .flatMap(e -> e.tags().stream().map(tag -> new Tag(e.vaultId(), e.id(), tag))).toList());
  }

  /** The parameters are positional, in column order: named ones cost a map and a lookup per value. */
  private static void bind(PreparedStatement statement, Sealed sealed, String createdBy) throws SQLException {
    Entry entry = sealed.entry();
    OtpParameters p = entry.parameters();
    statement.setString(1, entry.id().toString());
    statement.setString(2, entry.vaultId().toString());
    statement.setString(3, entry.issuer());
    statement.setString(4, entry.account());
    statement.setString(5, p.type() == OtpType.HOTP ? "hotp" : "totp");
    statement.setString(6, p.type() == OtpType.STEAM ? STEAM : null);
    statement.setString(7, p.algorithm().name());
    statement.setInt(8, p.type() == OtpType.STEAM ? OtpParameters.DEFAULT_DIGITS : p.digits());
    statement.setInt(9, p.period());
    statement.setLong(10, p.counter());
    statement.setBytes(11, sealed.secretCiphertext());
    statement.setBoolean(12, entry.weakSecret());
    statement.setLong(13, entry.createdAt().toEpochMilli());
    statement.setString(14, createdBy);
  }

  /** Replaces the entry's tags with {@code tags} (already normalised). */
  void replaceTags(VaultId vaultId, EntryId entryId, List<String> tags) {
    jdbc.sql("DELETE FROM entry_tag WHERE vault_id = :vaultId AND entry_id = :id")
        .param("vaultId", vaultId.toString()).param("id", entryId.toString()).update();
    insertTags(tags.stream().map(tag -> new Tag(vaultId, entryId, tag)).toList());
  }

  private record Tag(VaultId vaultId, EntryId entryId, String tag) {}

  private void insertTags(List<Tag> tags) {
    if (tags.isEmpty()) {
      return;
    }
    batch.batchUpdate(INSERT_TAG, tags, InsertBatches.ROWS, (statement, tag) -> {
      statement.setString(1, tag.vaultId().toString());
      statement.setString(2, tag.entryId().toString());
      statement.setString(3, tag.tag());
    });
  }

  /** The vault's entries, with their tags; only those carrying {@code tag} unless it is {@code null}. */
  List<Entry> list(VaultId vaultId, String tag) {
    String filter = tag == null ? ""
        : " AND e.id IN (SELECT entry_id FROM entry_tag WHERE vault_id = :vaultId AND tag = :tag)";
    var statement = jdbc.sql("SELECT " + COLUMNS + FROM + filter + ORDER).param("vaultId", vaultId.toString());
    if (tag != null) {
      statement = statement.param("tag", tag);
    }
    return statement.query(WITH_TAGS).stream().map(SealedEntry::entry).toList();
  }

  /** The entry without its sealed seed: for what needs its name, tags and flags only. */
  Optional<Entry> find(VaultId vaultId, EntryId entryId) {
    return jdbc.sql("SELECT " + COLUMNS + FROM + " AND e.id = :id" + ORDER)
        .param("vaultId", vaultId.toString())
        .param("id", entryId.toString())
        .query(WITH_TAGS).stream().findFirst().map(SealedEntry::entry);
  }

  /** The entry with its sealed seed: for a code release, a seed reveal or a rotation. */
  Optional<SealedEntry> findSealed(VaultId vaultId, EntryId entryId) {
    return jdbc.sql("SELECT " + COLUMNS + ", e.secret_ciphertext" + FROM + " AND e.id = :id" + ORDER)
        .param("vaultId", vaultId.toString())
        .param("id", entryId.toString())
        .query(SEALED_WITH_TAGS).stream().findFirst();
  }

  /**
   * The entries of the vault among {@code ids} (others are absent from the map), one statement per
   * {@link InLists} list: one per vault for a report, not one per entry.
   */
  Map<EntryId, Entry> findAll(VaultId vaultId, Collection<EntryId> ids) {
    Map<EntryId, Entry> found = new HashMap<>();
    for (List<String> some : InLists.of(ids)) {
      jdbc.sql("SELECT " + COLUMNS + FROM + " AND e.id IN (:ids)" + ORDER)
          .param("vaultId", vaultId.toString())
          .param("ids", some)
          .query(WITH_TAGS).forEach(sealed -> found.put(sealed.entry().id(), sealed.entry()));
    }
    return found;
  }

  /**
   * The entries of all {@code vaults} (ids the caller may see, checked by the caller), one statement
   * per {@link InLists} list: a search across vaults reads them at once.
   */
  List<Entry> listIn(Collection<VaultId> vaults) {
    List<Entry> found = new ArrayList<>();
    for (List<String> some : InLists.of(vaults)) {
      jdbc.sql("SELECT " + COLUMNS + """
               FROM entry e LEFT JOIN entry_tag t ON t.vault_id = e.vault_id AND t.entry_id = e.id
              WHERE e.vault_id IN (:vaultIds)""" + ORDER)
          .param("vaultIds", some)
          .query(WITH_TAGS).forEach(sealed -> found.add(sealed.entry()));
    }
    return found;
  }

  /** Every entry of the vault with its sealed seed (for duplicate detection on import, and export). */
  List<SealedEntry> listSealed(VaultId vaultId) {
    return jdbc.sql("SELECT " + COLUMNS + ", e.secret_ciphertext" + FROM + ORDER)
        .param("vaultId", vaultId.toString())
        .query(SEALED_WITH_TAGS);
  }

  void rename(VaultId vaultId, EntryId entryId, String issuer, String account) {
    jdbc.sql("UPDATE entry SET issuer = :issuer, account = :account WHERE vault_id = :vaultId AND id = :id")
        .param("issuer", issuer).param("account", account)
        .param("vaultId", vaultId.toString()).param("id", entryId.toString())
        .update();
  }

  /** Deletes the entry with its seed; its tags and pending approvals go with it (ON DELETE CASCADE). */
  void delete(VaultId vaultId, EntryId entryId) {
    jdbc.sql("DELETE FROM entry WHERE vault_id = :vaultId AND id = :id")
        .param("vaultId", vaultId.toString()).param("id", entryId.toString())
        .update();
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

  /**
   * Reads entries from rows ordered by entry, one row per tag (one with a null tag for an entry
   * without tags). Without {@code sealed} the ciphertext is not read and stays empty.
   */
  private static List<SealedEntry> read(ResultSet rs, boolean sealed) throws SQLException {
    List<SealedEntry> read = new ArrayList<>();
    Entry entry = null;
    byte[] ciphertext = null;
    List<String> tags = new ArrayList<>();
    while (rs.next()) {
      String id = rs.getString("id");
      if (entry == null || !entry.id().toString().equals(id)) {
        if (entry != null) {
          read.add(new SealedEntry(entry.withTags(tags), ciphertext));
        }
        entry = entry(rs);
        ciphertext = sealed ? rs.getBytes("secret_ciphertext") : new byte[0];
        tags = new ArrayList<>();
      }
      String tag = rs.getString("tag");
      if (tag != null) {
        tags.add(tag);
      }
    }
    if (entry != null) {
      read.add(new SealedEntry(entry.withTags(tags), ciphertext));
    }
    return read;
  }

  private static Entry entry(ResultSet rs) throws SQLException {
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
        rs.getBoolean("high_value"), List.of());
  }

  private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
