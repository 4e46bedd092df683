package dev.watchword.cli;

import java.io.PrintWriter;
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
    err.println(command.getColorScheme().errorText("watchword: " + problem.getMessage()));
    UnmatchedArgumentException.printSuggestions(problem, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
