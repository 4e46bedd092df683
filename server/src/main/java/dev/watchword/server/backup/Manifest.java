package dev.watchword.server.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds besides the tables: when and from which database it was made, the schema
 * migrations that database had applied, and the data directory's files.
 *
 * @param createdAt when the snapshot was taken
 * @param database {@code sqlite} or {@code postgresql}: where the rows came from
 * @param schemaVersions the versioned migrations the source had applied, in order
 * @param masterKey the master key file's bytes: whoever holds them can open every seed
 * @param auditHead the audit head file's bytes, or null when the installation had none yet
 */
record Manifest(Instant createdAt, String database, List<String> schemaVersions, byte[] masterKey, byte[] auditHead) {

  Manifest {
    schemaVersions = List.copyOf(schemaVersions);
  }

  /** The newest migration the source had applied. */
  String schemaVersion() {
    return schemaVersions.isEmpty() ? "none" : schemaVersions.get(schemaVersions.size() - 1);
  }

  /** Without the master key. */
  @Override
  public String toString() {
    return "Manifest[createdAt=" + createdAt + ", database=" + database + ", schema=" + schemaVersion()
        + ", auditHead=" + (auditHead != null) + "]";
  }
}
