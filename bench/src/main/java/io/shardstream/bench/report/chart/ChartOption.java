package io.shardstream.bench.report.chart;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --chart FILE.svg}, declared once for every {@code bench} command: a command adds it with
 * {@code @Mixin ChartOption chart;} and, once it has its report, calls {@link #write}.
 */
public final class ChartOption {
  /** The option's name, for messages. */
  public static final String NAME = "--chart";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private Path file;

  @Option(
      names = NAME,
      paramLabel = "FILE.svg",
      description =
          "Also draw the results as an SVG chart to FILE.svg (titles, axes with units, legend,"
              + " the run's conditions).")
  void file(Path file) {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
      throw new ParameterException(
          command.commandLine(), NAME + " must name an .svg file, got " + file);
    }
    this.file = file;
  }

  /** The file asked for, or null. */
  public Path file() {
    return file;
  }

  /** Draws {@code page} to the file when one was asked for, and says so to {@code progress}. */
  public void write(Supplier<ChartPage> page, Consumer<String> progress) {
    if (file != null) {
      ChartSvg.write(file, page.get());
      progress.accept("chart written to " + file);
    }
  }
}
