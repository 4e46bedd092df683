package dev.watchword.server.backup;

import dev.watchword.server.audit.OfflineAuditVerify;
import dev.watchword.server.crypto.ServerSecrets;
import dev.watchword.server.runtime.OfflineDatabase;
import dev.watchword.server.runtime.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;

/**
 * Where a backup is restored: a fresh data directory, with the SQLite database in it or the
 * tables in an empty PostgreSQL schema.
 *
 * <p>Guarantees: a target that holds anything is refused before the password is asked for; the
 * data directory is assembled in a private staging directory beside it and appears only once the
 * database is complete; if the restore fails part-way, the staging directory is deleted and, on
 * PostgreSQL, the tables this restore created are dropped, so the target is left as it was found.
 */
final class RestoreTarget {

  private final Path dataDir;
  private final String dbUrl;

  private RestoreTarget(Path dataDir, String dbUrl) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.dbUrl = dbUrl;
  }

  /**
   * @param dbUrl a PostgreSQL JDBC URL, or null for SQLite in the data directory
   * @throws BackupRefusedException if the data directory is not empty or the schema has tables
   */
  static RestoreTarget requireEmpty(Path dataDir, String dbUrl) {
    RestoreTarget target = new RestoreTarget(dataDir, dbUrl);
    if (Files.exists(target.dataDir)) {
      if (!Files.isDirectory(target.dataDir)) {
        throw new BackupRefusedException(target.dataDir + " is a file; restore into a new data directory");
      }
      try (Stream<Path> entries = Files.list(target.dataDir)) {
        if (entries.findAny().isPresent()) {
          throw new BackupRefusedException(target.dataDir + " is not empty; restore only into a new or empty"
              + " data directory (a restore never overwrites a database or a master key)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + target.dataDir, e);
      }
    }
    if (dbUrl != null) {
      target.withPostgres(connection -> {
        SchemaTables schema = new SchemaTables(connection);
        if (schema.schema() == null) {
          throw new BackupRefusedException("the PostgreSQL schema the URL names does not exist; create it first");
        }
        Set<String> tables = schema.all();
        if (!tables.isEmpty()) {
          throw new BackupRefusedException("the PostgreSQL schema " + schema.schema() + " already has tables "
              + tables.stream().limit(5).toList() + "; restore only into an empty database or schema");
        }
        return null;
      });
    }
    return target;
  }

  String describe() {
    return dataDir + (dbUrl == null ? " (SQLite)" : " (and the tables in PostgreSQL)");
  }

  Path dataDir() {
    return dataDir;
  }

  /**
   * Creates the schema at the backup's migration version, loads the rows, writes the master key
   * and head file, and moves the data directory into place.
   *
   * @param contents a fresh stream of the (already once verified) contents at each call
   * @return the number of rows restored
   */
  long restore(Supplier<InputStream> contents) {
    Path staging = createStaging();
    boolean mayHaveCreatedTables = false;
    try (ContentsReader reader = new ContentsReader(contents.get())) {
      Manifest manifest = reader.manifest();
      DataSource database = dbUrl == null ? sqlite(staging.resolve(OfflineDatabase.SQLITE_FILE))
          : OfflineDatabase.postgres(dbUrl);
      mayHaveCreatedTables = true;
      migrate(database, manifest.schemaVersions());
      long rows;
      try (Connection connection = database.getConnection()) {
        connection.setAutoCommit(false);
        rows = SnapshotLoader.load(connection, reader);
        connection.commit();
      }
      byte[] masterKey = manifest.masterKey();
      try {
        PrivateFiles.write(staging.resolve(ServerSecrets.MASTER_KEY_FILE), masterKey);
      } finally {
        java.util.Arrays.fill(masterKey, (byte) 0);
      }
      if (manifest.auditHead() != null) {
        PrivateFiles.write(staging.resolve(OfflineAuditVerify.HEAD_FILE), manifest.auditHead());
      }
      publish(staging);
      return rows;
    } catch (IOException | SQLException | RuntimeException e) {
      PrivateFiles.deleteRecursively(staging);
      if (mayHaveCreatedTables && dbUrl != null) {
        dropCreatedTables();
      }
      if (e instanceof BackupRefusedException refused) {
        throw refused;
      }
      throw new IllegalStateException("the restore failed and was undone: " + e.getMessage(), e);
    }
  }

  /**
   * Migrates the empty schema to exactly the backup's version, so its rows fit the tables as they
   * were; the server migrates the rest on its first start.
   */
  private void migrate(DataSource database, List<String> backupVersions) {
    if (backupVersions.isEmpty()) {
      throw new BackupRefusedException("the backup records no schema migrations");
    }
    MigrationVersion newest = MigrationVersion.fromVersion(backupVersions.get(backupVersions.size() - 1));
    Flyway flyway = Flyway.configure().dataSource(database)
        .locations("classpath:db/migration/" + (dbUrl == null ? "sqlite" : "postgresql"))
        .target(newest).load();
    List<String> known = Stream.of(flyway.info().all()).map(MigrationInfo::getVersion)
        .filter(java.util.Objects::nonNull).map(MigrationVersion::getVersion).toList();
    if (!known.containsAll(backupVersions)) {
      throw new BackupRefusedException("the backup was made by a newer version of Watchword (schema version "
          + newest.getVersion() + "); restore it with that version or a later one");
    }
    flyway.migrate();
    List<String> applied = Stream.of(flyway.info().applied()).map(MigrationInfo::getVersion)
        .filter(java.util.Objects::nonNull).map(MigrationVersion::getVersion).toList();
    if (!applied.equals(backupVersions)) {
      throw new BackupRefusedException("this version of Watchword's schema migrations up to "
          + newest.getVersion() + " differ from those the backup's database had applied");
    }
  }

  private static DataSource sqlite(Path file) throws IOException {
    Files.createFile(file, OwnerOnly.attributes("rw-------"));
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    return OfflineDatabase.sqlite(file, config);
  }

  private Path createStaging() {
    try {
      Path parent = dataDir.getParent();
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, ".watchword-restore-", OwnerOnly.attributes("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a staging directory beside " + dataDir, e);
    }
  }

  /** The staging directory becomes the data directory: renamed if there is none, else moved in file by file. */
  private void publish(Path staging) throws IOException {
    if (!Files.exists(dataDir)) {
      try {
        Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (AtomicMoveNotSupportedException e) {
        Files.createDirectory(dataDir, OwnerOnly.attributes("rwx------"));
      }
    }
    try (Stream<Path> files = Files.list(staging)) {
      for (Path file : files.toList()) {
        Files.move(file, dataDir.resolve(file.getFileName()));
      }
    }
    Files.delete(staging);
  }

  private void dropCreatedTables() {
    try {
      withPostgres(connection -> {
        Set<String> tables = new SchemaTables(connection).all();
        if (!tables.isEmpty()) {
          try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + String.join(", ", tables));
          }
        }
        return null;
      });
    } catch (RuntimeException e) {
      System.err.println("watchword restore: could not drop the tables it created; drop them by hand: "
          + e.getMessage());
    }
  }

  private interface OnConnection<T> {
    T apply(Connection connection) throws SQLException;
  }

  private <T> T withPostgres(OnConnection<T> work) {
    try (Connection connection = OfflineDatabase.postgres(dbUrl).getConnection()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot use the PostgreSQL database: " + e.getMessage(), e);
    }
  }
}
