package io.shardstream.app;

import io.shardstream.core.config.ConfigValidationException;
import io.shardstream.service.InputFiles;
import io.shardstream.service.SettingsException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns the failures a user can fix (bad configuration, unreadable file, infrastructure that will
 * not start) into a one-paragraph message and exit code 2, instead of a stack trace. Anything
 * else is a bug: exit code 70 (sysexits' EX_SOFTWARE), the stack trace in the log; exit code 1
 * stays "some input lines failed".
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  static final int USER_ERROR = 2;
  static final int UNEXPECTED_ERROR = 70;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    if (e instanceof ConfigValidationException
        || e instanceof UncheckedIOException
        || e instanceof UserException
        || isDevStackError(e)
        || e instanceof SdkClientException
        || e instanceof SettingsException
        || e instanceof InputFiles.InputFileException) {
      commandLine
          .getErr()
          .println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
      return USER_ERROR;
    }
    commandLine
        .getErr()
        .println(commandLine.getCommandSpec().qualifiedName() + ": unexpected error: " + e);
    org.slf4j.LoggerFactory.getLogger(UserErrorHandler.class).error("unexpected error", e);
    return UNEXPECTED_ERROR;
  }

  private static boolean isDevStackError(Exception e) {
    return e.getClass().getPackageName().equals("io.shardstream.devstack");
  }
}
