package dev.watchword.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The options given to {@code serve}; {@code null} (or {@code false}) means "not given", and
 * then the server's environment variable or its own default applies.
 *
 * @param port 1..65535 once {@link #check checked}
 * @param address the address to bind; the server defaults to loopback
 * @param dataDir passed on verbatim: the server resolves it against the working directory
 * @param dbUrl a PostgreSQL JDBC URL; may carry a password, so it is never put in a message
 * @param dev development mode, which must bind loopback only
 */
record ServeOptions(Integer port, String address, String dataDir, String dbUrl, boolean dev) {

  /** Without the database URL, which may carry a password. */
  @Override
  public String toString() {
    return "ServeOptions[port=" + port + ", address=" + address + ", dataDir=" + dataDir + ", dbUrl="
        + (dbUrl == null ? "null" : "<set>") + ", dev=" + dev + "]";
  }


  static final String PORT_VARIABLE = "WATCHWORD_PORT";
  static final String ADDRESS_VARIABLE = "WATCHWORD_ADDRESS";
  static final String DATA_DIR_VARIABLE = "WATCHWORD_DATA_DIR";
  static final String DB_URL_VARIABLE = "WATCHWORD_DB_URL";
  static final String DEV_VARIABLE = "WATCHWORD_DEV";

  static final String POSTGRES_URL_PREFIX = "jdbc:postgresql:";

  // The spellings Spring's String-to-Boolean conversion accepts, so we judge WATCHWORD_DEV as the server will.
  private static final List<String> TRUE_WORDS = List.of("true", "on", "yes", "1");
  private static final List<String> FALSE_WORDS = List.of("false", "off", "no", "0");

  /**
   * Checks these options laid over {@code environment} (an option wins over its variable), so
   * that a server that would refuse to start, or start somewhere the user did not mean, is
   * never launched.
   *
   * @throws InvalidServeSettingException naming the first offending option or variable
   */
  void check(Map<String, String> environment) {
    requireNotBlank("--address", address);
    requireNotBlank("--data-dir", dataDir);
    requireNotBlank("--db-url", dbUrl);
    portSetting(environment).ifPresent(ServeOptions::checkPort);
    dbUrlSetting(environment).ifPresent(ServeOptions::checkDbUrl);
    if (isDevMode(environment)) {
      addressSetting(environment).ifPresent(ServeOptions::checkLoopback);
      if (dbUrlSetting(environment).isPresent() && dataDirSetting(environment).isEmpty()) {
        // Dev mode's default data directory is temporary: it would take the master key of
        // lasting PostgreSQL data with it.
        throw new InvalidServeSettingException(
            "Development mode with --db-url needs --data-dir, to keep the master key the data is encrypted under.");
      }
    }
  }

  /**
   * The {@code --watchword.*=} arguments for the options that were given, in a fixed order.
   * Variables are not repeated here: the child process inherits them, and the server gives
   * these arguments precedence over them.
   */
  List<String> serverArguments() {
    List<String> arguments = new ArrayList<>();
    if (port != null) {
      arguments.add("--watchword.port=" + port);
    }
    if (address != null) {
      arguments.add("--watchword.address=" + address);
    }
    if (dataDir != null) {
      arguments.add("--watchword.data-dir=" + dataDir);
    }
    if (dbUrl != null) {
      arguments.add("--watchword.db-url=" + dbUrl);
    }
    if (dev) {
      arguments.add("--watchword.dev=true");
    }
    return arguments;
  }

  private Optional<Setting> portSetting(Map<String, String> environment) {
    String given = port == null ? null : port.toString();
    return Setting.optionOverVariable("--port", given, PORT_VARIABLE, environment);
  }

  private Optional<Setting> addressSetting(Map<String, String> environment) {
    return Setting.optionOverVariable("--address", address, ADDRESS_VARIABLE, environment);
  }

  private Optional<Setting> dataDirSetting(Map<String, String> environment) {
    return Setting.optionOverVariable("--data-dir", dataDir, DATA_DIR_VARIABLE, environment);
  }

  private Optional<Setting> dbUrlSetting(Map<String, String> environment) {
    return Setting.optionOverVariable("--db-url", dbUrl, DB_URL_VARIABLE, environment);
  }

  private boolean isDevMode(Map<String, String> environment) {
    if (dev) {
      return true;
    }
    String variable = environment.getOrDefault(DEV_VARIABLE, "").strip().toLowerCase(Locale.ROOT);
    if (variable.isEmpty() || FALSE_WORDS.contains(variable)) {
      return false;
    }
    if (TRUE_WORDS.contains(variable)) {
      return true;
    }
    throw new InvalidServeSettingException(
        DEV_VARIABLE + "=" + environment.get(DEV_VARIABLE) + " is neither true nor false.");
  }

  private static void requireNotBlank(String option, String value) {
    if (value != null && value.isBlank()) {
      throw new InvalidServeSettingException(option + " must not be empty.");
    }
  }

  private static void checkPort(Setting port) {
    int number;
    try {
      number = Integer.parseInt(port.value());
    } catch (NumberFormatException notANumber) {
      throw new InvalidServeSettingException(port.shown() + " is not a port number (1-65535).");
    }
    if (number < 1 || number > 65535) {
      throw new InvalidServeSettingException(port.shown() + " is out of range: use 1-65535.");
    }
  }

  private static void checkDbUrl(Setting dbUrl) {
    if (!dbUrl.value().startsWith(POSTGRES_URL_PREFIX)) {
      // The value itself is left out on purpose: a JDBC URL may carry a password.
      throw new InvalidServeSettingException(
          dbUrl.source()
              + " must be a PostgreSQL JDBC URL starting with '"
              + POSTGRES_URL_PREFIX
              + "', such as jdbc:postgresql://db.example:5432/watchword. Leave it unset for"
              + " the embedded SQLite database, which needs no URL.");
    }
  }

  private static void checkLoopback(Setting address) {
    // Development mode prints a bearer token for an owner account: it must not be reachable
    // from another machine. A name must resolve to loopback addresses only.
    String refusal =
        "Development mode binds loopback only; refusing "
            + address.shown()
            + ". Use 127.0.0.1, ::1 or localhost, or drop --dev.";
    try {
      InetAddress[] resolved = InetAddress.getAllByName(address.value());
      if (!Arrays.stream(resolved).allMatch(InetAddress::isLoopbackAddress)) {
        throw new InvalidServeSettingException(refusal);
      }
    } catch (UnknownHostException unresolvable) {
      throw new InvalidServeSettingException(refusal + " (The address does not resolve.)");
    }
  }
}
