package io.shardstream.app;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A command line picocli cannot accept (unknown option, a value out of range, a missing parameter):
 * one line naming the problem and where the options are described, exit code 2, instead of the
 * whole usage text.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    command.getErr().println(name + ": " + e.getMessage() + " (options: " + name + " --help)");
    command.getErr().flush();
    return UserErrorHandler.USER_ERROR;
  }
}
