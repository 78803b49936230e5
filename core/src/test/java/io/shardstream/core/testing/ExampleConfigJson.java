package io.shardstream.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The example entity configurations (the repository's {@code examples/<model>/config.json}, copied
 * onto core's test class path by its pom) for core's own tests. The other modules read the same
 * files through {@code io.shardstream.schemas.ExampleConfigs}, which core cannot depend on.
 */
public final class ExampleConfigJson {
  private ExampleConfigJson() {}

  public static String userEmail() {
    return json("user-email");
  }

  public static String person() {
    return json("person");
  }

  private static String json(String model) {
    String name = "/io/shardstream/core/examples/" + model + "/config.json";
    try (InputStream in = ExampleConfigJson.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test class path (core's pom)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
