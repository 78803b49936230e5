package io.shardstream.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The example entity configurations shipped with shardstream, as JSON text. */
public final class ExampleConfigs {
  /** The seed: User and Email of a card-rewards application's User service. */
  public static final String USER_EMAIL = "user-email.config.json";

  private ExampleConfigs() {}

  /** The JSON text of an example configuration shipped in this package. */
  public static String json(String name) {
    try (InputStream in = ExampleConfigs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no example configuration named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String userEmail() {
    return json(USER_EMAIL);
  }
}
