package dev.watchword.cli;

import java.util.Map;
import java.util.Optional;

/**
 * One setting's value and where it came from (an option or an environment variable), so a
 * refusal can name exactly what the user has to change.
 *
 * @param source the option ({@code --port}) or variable ({@code WATCHWORD_PORT}) it came from
 * @param value never blank
 */
record Setting(String source, String value) {

  /**
   * The option if it was given, else the environment variable if it is set and not blank (the
   * server treats a blank variable as unset too), else empty.
   */
  static Optional<Setting> optionOverVariable(
      String option, String optionValue, String variable, Map<String, String> environment) {
    if (optionValue != null) {
      return Optional.of(new Setting(option, optionValue));
    }
    String variableValue = environment.get(variable);
    if (variableValue == null || variableValue.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Setting(variable, variableValue.strip()));
  }

  boolean fromOption() {
    return source.startsWith("--");
  }

  /** {@code --port 70000} or {@code WATCHWORD_PORT=70000}: for messages about settings that hold no secret. */
  String shown() {
    return fromOption() ? source + " " + value : source + "=" + value;
  }
}
