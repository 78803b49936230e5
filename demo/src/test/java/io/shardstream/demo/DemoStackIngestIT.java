package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.app.ShardstreamCommand;
import io.shardstream.devstack.testing.ProgressWait;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo's stack as a target for the user's own producers: {@code ./shardstream demo --users 0}
 * runs (a child process, as a user starts it), then {@code ingest file} and {@code generate} send
 * to it with {@code registry.auto-register=false}, the production default: they find the event
 * schemas the demo registered at start, and the demo's writer consumes every event.
 */
class DemoStackIngestIT {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private record Run(int exitCode, String out, String err) {}

  @Test
  void ingestAndGenerateWorkAgainstTheDemoStackWithoutAutoRegister(@TempDir Path dir)
      throws Exception {
    // The environment overrides settings files: the commands below run in this JVM.
    assertThat(System.getenv("SHARDSTREAM_REGISTRY_AUTO_REGISTER"))
        .as("unset SHARDSTREAM_REGISTRY_AUTO_REGISTER: this test runs with auto-register off")
        .isNull();
    Path demoOut = dir.resolve("demo-out.txt");
    Path demoErr = dir.resolve("demo-err.txt");
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("shardstream").toString());
    command.addAll(
        List.of(DemoArgs.onFreePorts(dir.resolve("data"), "--users", "0", "--in-memory")));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(demoOut.toFile())
            .redirectError(demoErr.toFile());
    builder.environment().put("SHARDSTREAM_NO_BUILD", "1");
    builder.environment().keySet().removeIf(k -> k.startsWith("SHARDSTREAM_REGISTRY"));
    Process demo = builder.start();
    try {
      ProgressWait.awaitProgress(
          "the demo stack is up (" + demoOut + ")",
          "its output and log",
          () ->
              List.of(
                  ProgressWait.processStartup(demo, demoOut).get(),
                  ProgressWait.processStartup(demo, demoErr).get()),
          () -> read(demoOut).contains("Press Ctrl-C to stop.") || !demo.isAlive());
      String started = read(demoOut);
      assertThat(demo.isAlive()).as(started).isTrue();
      String kafka = find(started, "Kafka bootstrap servers: (\\S+)");
      String registry = find(started, "Schema registry: +(\\S+)");
      URI writer = URI.create(find(started, "Writer: +/metrics and /health on (\\S+)"));

      Path settings = dir.resolve("ingest.properties");
      Files.writeString(
          settings,
          "kafka.bootstrap.servers="
              + kafka
              + "\nregistry.url="
              + registry
              + "\nregistry.auto-register=false\n");
      Path events = dir.resolve("events.jsonl");
      Run written = generate("--out", events.toString());
      assertThat(written.exitCode()).as(written.err()).isZero();
      long lines = Files.readAllLines(events).stream().filter(l -> !l.isBlank()).count();
      assertThat(lines).isGreaterThan(30);

      Run imported =
          run(
              "ingest",
              "file",
              events.toString(),
              "--settings",
              settings.toString(),
              "--no-progress");
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      awaitWriterEvents(writer, lines);

      // The same users again, straight from the generator: duplicates to the writer, but events.
      Run generated = generate("--settings", settings.toString());
      assertThat(generated.exitCode()).as(generated.err()).isZero();
      awaitWriterEvents(writer, 2 * lines);
    } finally {
      // SIGTERM: the demo's shutdown hook stops the writer, then the stack.
      demo.destroy();
      if (!demo.waitFor(60, TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
  }

  /** Waits until the demo's writer has accounted for {@code count} events. */
  private static void awaitWriterEvents(URI writer, long count) {
    ProgressWait.awaitProgress(
        "the demo's writer consumed " + count + " events",
        "its events total",
        () -> eventsTotal(writer),
        () -> eventsTotal(writer) >= count);
  }

  /** The sum of the writer's {@code shardstream_writer_events_total} series. */
  private static long eventsTotal(URI writer) {
    try {
      String body =
          HTTP.send(
                  HttpRequest.newBuilder(writer.resolve("/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return body.lines()
          .filter(l -> l.startsWith("shardstream_writer_events_total{"))
          .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  /** The same 30 generated users each time (valid events only), with {@code options}. */
  private static Run generate(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                "--users",
                "30",
                "--seed",
                "11",
                "--invalid-rate",
                "0",
                "--no-progress"));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ShardstreamCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
    return m.group(1);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
