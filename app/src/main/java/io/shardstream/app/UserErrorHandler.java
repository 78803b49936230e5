package io.shardstream.app;

import io.shardstream.core.config.ConfigValidationException;
import io.shardstream.service.InputFiles;
import io.shardstream.service.SettingsException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns the failures a user can fix (bad configuration, unreadable file, unreachable service) into
 * a one-paragraph message and exit code 2, instead of a stack trace. Anything else is a bug: exit
 * code 70 (sysexits' EX_SOFTWARE), the stack trace in the log; exit code 1 stays "some input lines
 * failed". Launchers in other modules reuse it and name their own such failures with {@link
 * #alsoFor} (the demo: the local stack's), so this module needs to know none of them.
 */
public final class UserErrorHandler implements IExecutionExceptionHandler {
  public static final int USER_ERROR = 2;
  public static final int UNEXPECTED_ERROR = 70;

  private static final List<Class<? extends Exception>> USER_ERRORS =
      List.of(
          ConfigValidationException.class,
          UncheckedIOException.class,
          UserException.class,
          SdkClientException.class,
          SettingsException.class,
          InputFiles.InputFileException.class);

  private final List<Class<? extends Exception>> userErrors;

  public UserErrorHandler() {
    this(USER_ERRORS);
  }

  private UserErrorHandler(List<Class<? extends Exception>> userErrors) {
    this.userErrors = userErrors;
  }

  /** This handler, also reporting {@code type} and its subclasses as user errors. */
  public UserErrorHandler alsoFor(Class<? extends Exception> type) {
    return new UserErrorHandler(Stream.concat(userErrors.stream(), Stream.of(type)).toList());
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    if (userErrors.stream().anyMatch(type -> type.isInstance(e))) {
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
}
