package dev.watchword.server.runtime;

import java.util.Properties;

/**
 * The PostgreSQL JDBC driver's settings for every connection Watchword opens, the server's and the
 * offline tools' alike; a setting the URL names itself wins.
 */
public final class PostgresDriverSettings {

  private PostgresDriverSettings() {}

  public static Properties get() {
    Properties settings = new Properties();
    // A JDBC batch of INSERTs (an import's entries and audit events) goes as multi-row INSERTs:
    // fewer statements for the server to parse and run.
    settings.setProperty("reWriteBatchedInserts", "true");
    // Without this the driver writes a failed batch's SQL with every bound value (sealed seeds,
    // audit fields) and the server's error detail ("Key (username)=(…)") into exception messages,
    // which end up in the log.
    settings.setProperty("logServerErrorDetail", "false");
    return settings;
  }
}
