package io.shardstream.ingest;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A me.tongfei progress bar redrawn in place on one stream. */
final class ConsoleProgressBar implements ProgressDisplay {
  private final PrintStream out;
  private ProgressBar bar;

  ConsoleProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(String task, String unit, long unitSize, long max) {
    close();
    bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(max > 0 ? max : -1)
            .setUnit(" " + unit, Math.max(1, unitSize))
            .showSpeed()
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            // The library's default consumer writes to stdout, where generated JSON lines may go. A
            // fixed width keeps it from asking JLine for the terminal's, which loads a native
            // library
            // and makes Java 24+ print warnings about it.
            .setConsumer(new ConsoleProgressBarConsumer(out, width()))
            .build();
  }

  /** The width shells export in COLUMNS, else a conservative default. */
  private static int width() {
    try {
      int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "").trim());
      return Math.max(40, columns - 1);
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  @Override
  public void stepTo(long current) {
    if (bar != null) {
      bar.stepTo(current);
    }
  }

  @Override
  public void message(String message) {
    if (bar != null) {
      bar.setExtraMessage(message);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
