package dev.watchword.cli;

import java.util.ArrayList;
import java.util.List;

/** The arguments of one of the server jar's offline commands: its name, then each option that was given. */
final class ServerJarArguments {

  private final List<String> arguments = new ArrayList<>();

  ServerJarArguments(String command) {
    arguments.add(command);
  }

  /** Adds {@code name value}, unless the option was not given ({@code value} null). */
  ServerJarArguments option(String name, String value) {
    if (value != null) {
      arguments.add(name);
      arguments.add(value);
    }
    return this;
  }

  List<String> list() {
    return List.copyOf(arguments);
  }
}
