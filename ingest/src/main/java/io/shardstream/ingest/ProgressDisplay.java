package io.shardstream.ingest;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * Shows how far long work has got. Imports and generator runs report to one of these; the command
 * line shows a progress bar on stderr, everything else shows {@link #none()}.
 */
public interface ProgressDisplay extends AutoCloseable {

  /**
   * Begins a task.
   *
   * @param unit what is counted, e.g. {@code events} or {@code MiB}
   * @param unitSize how many counted things make one displayed unit (bytes per MiB), 1 otherwise
   * @param max the expected total in counted things; 0 or less when unknown
   */
  void start(String task, String unit, long unitSize, long max);

  void stepTo(long current);

  /** A short note next to the bar, such as the number of bad lines. */
  void message(String message);

  @Override
  void close();

  /** Shows nothing. */
  static ProgressDisplay none() {
    return NoProgress.INSTANCE;
  }

  /** A progress bar on {@code out}, whether or not it is a terminal. */
  static ProgressDisplay bar(PrintStream out) {
    return new ConsoleProgressBar(out);
  }

  /**
   * A progress bar on stderr when this process runs in a terminal and {@code disabled} is false
   * ({@code --no-progress}); nothing otherwise, so logs and CI output stay free of bar redraws.
   */
  static ProgressDisplay onStderr(boolean disabled) {
    return !disabled && runsInTerminal() ? bar(System.err) : none();
  }

  /**
   * Whether the process is attached to a terminal. From JDK 22 on, {@code System.console()} is
   * non-null even when output is redirected and {@code Console.isTerminal()} tells the truth; that
   * method does not exist in the Java 21 API this module compiles against, hence the reflection.
   */
  static boolean runsInTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a console exists only when attached to a terminal
    }
  }
}
