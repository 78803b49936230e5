package io.shardstream.app;

import io.shardstream.core.config.ConfigValidationException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkClientException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures a user can fix (bad configuration, unreadable file, infrastructure that will
 * not start) into a one-paragraph message and exit code 2, instead of a stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  static final int USER_ERROR = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    if (e instanceof ConfigValidationException
        || e instanceof UncheckedIOException
        || e instanceof UserException
        || isDevStackError(e)
        || e instanceof SdkClientException
        || e instanceof io.shardstream.service.SettingsException) {
      commandLine
          .getErr()
          .println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
      return USER_ERROR;
    }
    commandLine
        .getErr()
        .println(commandLine.getCommandSpec().qualifiedName() + ": unexpected error: " + e);
    org.slf4j.LoggerFactory.getLogger(UserErrorHandler.class).error("unexpected error", e);
    return CommandLine.ExitCode.SOFTWARE;
  }

  private static boolean isDevStackError(Exception e) {
    return e.getClass().getPackageName().equals("io.shardstream.devstack");
  }
}
