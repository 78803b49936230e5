package io.shardstream.bench.node;

import io.shardstream.bench.BenchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion, capturing its output, within a time limit. */
public final class ProcessRunner {
  private ProcessRunner() {}

  /** What a finished program printed, and how it ended. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The last lines of stderr (else stdout): enough to tell why it failed. */
    public String tail() {
      String text = stderr.isBlank() ? stdout : stderr;
      List<String> lines = text.strip().lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
  }

  /**
   * Runs {@code command} in {@code directory}.
   *
   * @throws IOException when the program cannot be started (typically: not on the PATH)
   * @throws BenchException when it outlives {@code timeout} (it is then killed)
   */
  public static Result run(List<String> command, Path directory, Duration timeout)
      throws IOException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
    process.getOutputStream().close();
    // Both streams are drained concurrently: a child blocked on a full stderr pipe never exits.
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new BenchException(
            String.join(" ", command)
                + " did not finish within "
                + timeout.toSeconds()
                + "s and was stopped");
      }
      return new Result(List.copyOf(command), process.exitValue(), stdout.join(), stderr.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while waiting for " + String.join(" ", command), e);
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
