package io.shardstream.dynamo.control;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.schemas.ExampleConfigs;
import java.time.Instant;

/** Two entity configurations (the seed and a later user bump) and two instants for switches. */
final class ControlFixtures {
  static final String CONFIG_A = ExampleConfigs.userEmail();
  static final String CONFIG_B =
      CONFIG_A.replace("\"charBits\": 2, \"chars\": 2 }", "\"charBits\": 2, \"chars\": 3 }");
  static final String VERSION_A = ConfigLoader.parse(CONFIG_A).version();
  static final String VERSION_B = ConfigLoader.parse(CONFIG_B).version();
  static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T2 = Instant.parse("2026-01-02T00:00:00Z");

  private ControlFixtures() {}
}
