package io.shardstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code shardstream bench} with arguments it must refuse as a usage error. */
public final class UsageErrors {
  private UsageErrors() {}

  /** Stderr of a run that must end with exit code 2 (a usage error) before doing anything. */
  public static String usageError(String... arguments) {
    StringWriter err = new StringWriter();
    CommandLine bench = BenchMain.commandLine();
    bench.setErr(new PrintWriter(err));
    bench.setOut(new PrintWriter(new StringWriter()));

    int exit = bench.execute(arguments);

    assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
    return err.toString();
  }
}
