package dev.watchword.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports invalid options or environment in one line plus a pointer to {@code --help},
 * instead of the whole usage text (a bare {@code watchword} gets the usage), and exits with the
 * command's "invalid input" status (2).
 */
final class UsageErrorPrinter implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException problem, String[] args) {
    CommandLine command = problem.getCommandLine();
    PrintWriter err = command.getErr();
    if (args.length == 0) {
      // A bare `watchword` is a request for orientation more than a mistake.
      command.usage(err);
      return command.getCommandSpec().exitCodeOnInvalidInput();
    }
    err.println(command.getColorScheme().errorText("watchword: " + describe(problem)));
    UnmatchedArgumentException.printSuggestions(problem, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * picocli quotes an unknown argument whole; a mistyped {@code --db_url=...password=...} or a
   * pasted URL would then reach the terminal and its scrollback. Name unknown options only up to
   * their '=', and never echo an unexpected value.
   */
  private static String shown(String argument) {
    if (argument.startsWith("-")) {
      return "'" + (argument.contains("=") ? argument.substring(0, argument.indexOf('=')) + "=..." : argument) + "'";
    }
    // a mistyped command name is a plain word; anything else may be a value worth keeping quiet
    return argument.matches("[A-Za-z][A-Za-z0-9-]{0,31}") ? "'" + argument + "'" : "(a value)";
  }

  private static String describe(ParameterException problem) {
    if (!(problem instanceof UnmatchedArgumentException unmatched)) {
      return problem.getMessage();
    }
    List<String> named = unmatched.getUnmatched().stream().map(UsageErrorPrinter::shown).toList();
    return "Unknown option or unexpected argument: " + String.join(", ", named);
  }
}
