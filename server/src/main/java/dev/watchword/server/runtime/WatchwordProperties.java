package dev.watchword.server.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The launcher's settings ({@code ./watchword serve} options and {@code WATCHWORD_*} variables).
 *
 * @param dataDir where the embedded database and the master key live; {@code null} means
 *     {@code ./watchword-data}, or a fresh temporary directory in development mode
 * @param dbUrl a PostgreSQL JDBC URL; {@code null} means the embedded SQLite database
 * @param dev development mode: loopback only, a throw-away owner named {@code dev}
 * @param maxRequestBytes the largest request body accepted
 * @param maxImportBytes the largest body accepted by the import endpoint (an export file or image)
 */
@ConfigurationProperties("watchword")
public record WatchwordProperties(Path dataDir, String dbUrl, boolean dev, Long maxRequestBytes, Long maxImportBytes) {

  static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
  /** A 5 MiB file (the import library's own limit) plus the multipart envelope. */
  static final long DEFAULT_MAX_IMPORT_BYTES = 6 * 1024 * 1024;

  public WatchwordProperties {
    if (dbUrl != null && dbUrl.isBlank()) {
      dbUrl = null;
    }
    if (maxRequestBytes == null) {
      maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    }
    if (maxImportBytes == null) {
      maxImportBytes = DEFAULT_MAX_IMPORT_BYTES;
    }
  }

  /** Without the database URL, which may carry a password. */
  @Override
  public String toString() {
    return "WatchwordProperties[dataDir=" + dataDir + ", postgres=" + usesPostgres() + ", dev=" + dev
        + ", maxRequestBytes=" + maxRequestBytes + ", maxImportBytes=" + maxImportBytes + "]";
  }

  public boolean usesPostgres() {
    return dbUrl != null;
  }
}
