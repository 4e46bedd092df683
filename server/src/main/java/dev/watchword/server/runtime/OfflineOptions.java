package dev.watchword.server.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name VALUE} options of an offline command, as the cli passes them on. The cli has
 * checked them already; this is the second line for someone who runs the server jar by hand. A
 * refusal names the option, never its value (a database URL may carry a password).
 */
public final class OfflineOptions {

  private final Map<String, String> values;

  private OfflineOptions(Map<String, String> values) {
    this.values = values;
  }

  /** @throws IllegalArgumentException naming an unknown option or one without its value */
  public static OfflineOptions parse(List<String> args, Set<String> known) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String option = args.get(i);
      if (!known.contains(option)) {
        throw new IllegalArgumentException("unknown option " + nameOf(option));
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      values.put(option, args.get(i + 1));
    }
    return new OfflineOptions(values);
  }

  /** An option's name as typed, without a value glued on with '=' (which may be a secret). */
  private static String nameOf(String option) {
    return option.startsWith("--") ? option.split("=", 2)[0] : "(a value)";
  }

  /** The value, or null when the option was not given. */
  public String get(String option) {
    return values.get(option);
  }

  /** @throws IllegalArgumentException when the option was not given */
  public String required(String option, String meaning) {
    String value = values.get(option);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " " + meaning + " is required");
    }
    return value;
  }
}
