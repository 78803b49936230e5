package io.shardstream.dynamo;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.ExampleConfigs;

/** Variants of the seed User/Email configuration (itself {@code SeedUsers.CONFIG}) for tests. */
public final class SeedConfig {
  private SeedConfig() {}

  /** The seed JSON with each target text (which must occur) replaced: target, replacement, ... */
  public static EntityConfig with(String... targetsAndReplacements) {
    String json = ExampleConfigs.userEmail();
    for (int i = 0; i < targetsAndReplacements.length; i += 2) {
      String target = targetsAndReplacements[i];
      if (!json.contains(target)) {
        throw new IllegalArgumentException("seed config has no " + target);
      }
      json = json.replace(target, targetsAndReplacements[i + 1]);
    }
    return ConfigLoader.parse(json);
  }
}
