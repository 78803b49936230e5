package io.shardstream.core.keys;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.ExampleConfigs;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seed User/Email config and items for tests. */
final class SeedConfig {
  /** 2024-01-01: the user entity's first bump (4 shards). */
  static final long BUMP_4 = 1704067200000L;

  /** 2025-01-01: the second bump (16 shards). */
  static final long BUMP_16 = 1735689600000L;

  static final EntityConfig CONFIG = ConfigLoader.parse(ExampleConfigs.userEmail());
  static final EntityManager MANAGER = new EntityManager(CONFIG);

  private SeedConfig() {}

  static Map<String, Object> user(String userId, long created) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("userId", userId);
    user.put("beneficiaryId", "ben-1");
    user.put("firstName", "Ada");
    user.put("lastName", "Gómez-Juárez");
    user.put("phone", "15551234567");
    user.put("created", created);
    user.put("updated", created + 1000);
    return user;
  }
}
