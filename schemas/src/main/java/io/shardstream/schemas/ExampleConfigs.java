package io.shardstream.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The example entity configurations shipped with shardstream, as JSON text. Their one source is the
 * repository's {@code examples/<model>/config.json}, which this module packages (see its pom).
 */
public final class ExampleConfigs {
  /** The seed: User and Email of a card-rewards application's User service. */
  public static final String USER_EMAIL = "examples/user-email/config.json";

  /** Person with addresses, bank accounts, contacts and employments in the person's partition. */
  public static final String PERSON = "examples/person/config.json";

  /** The example models by name ({@code --model person}), each its config's resource. */
  public static final Map<String, String> MODELS =
      Map.of("user-email", USER_EMAIL, "person", PERSON);

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

  public static String person() {
    return json(PERSON);
  }
}
