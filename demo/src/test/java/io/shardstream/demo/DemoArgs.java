package io.shardstream.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Command lines for {@code ./shardstream demo} in tests. */
final class DemoArgs {
  private DemoArgs() {}

  /**
   * {@code demo} with {@code options}, every port picked by the system (tests run beside other
   * stacks), no progress bar, data under {@code dataDirectory}.
   */
  static String[] onFreePorts(Path dataDirectory, String... options) {
    return Stream.concat(
            Stream.concat(Stream.of("demo"), Stream.of(options)),
            List.of(
                "--kafka-port",
                "0",
                "--dynamodb-port",
                "0",
                "--registry-port",
                "0",
                "--http-port",
                "0",
                "--writer-port",
                "0",
                "--no-progress",
                "--data-dir",
                dataDirectory.toString())
                .stream())
        .toArray(String[]::new);
  }
}
