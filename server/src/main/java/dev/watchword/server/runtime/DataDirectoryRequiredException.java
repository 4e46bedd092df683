package dev.watchword.server.runtime;

/** Development mode on PostgreSQL needs a lasting data directory for the master key. */
class DataDirectoryRequiredException extends IllegalStateException {

  DataDirectoryRequiredException() {
    super("Development mode with --db-url needs --data-dir: a temporary directory would delete the master key"
        + " that the PostgreSQL data is encrypted under");
  }
}
