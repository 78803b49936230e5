package io.shardstream.core.testing;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed User/Email configuration, its shard bumps, and users and emails keyed by it as the table
 * stores them: the fixture the tests of core, dynamo and query-api share (core's test-jar).
 */
public final class SeedUsers {
  public static final EntityConfig CONFIG = ConfigLoader.parse(ExampleConfigJson.userEmail());
  public static final EntityManager MANAGER = new EntityManager(CONFIG);

  /** 2023-06-01: before the first bump (one unsharded partition). */
  public static final long START = 1685577600000L;

  /** 2024-01-01: the user entity's first bump, 4 shards from here. */
  public static final long BUMP_4 = 1704067200000L;

  /** 2025-01-01: the second bump, 16 shards from here. */
  public static final long BUMP_16 = 1735689600000L;

  /** 2026-06-01. */
  public static final long END = 1780272000000L;

  private SeedUsers() {}

  /** A user as the table stores it: with canonical names and every generated key. */
  public static Map<String, Object> user(
      String userId,
      String beneficiaryId,
      String firstName,
      String lastName,
      String phone,
      long created,
      long updated) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("userId", userId);
    user.put("beneficiaryId", beneficiaryId);
    user.put("firstName", firstName);
    user.put("lastName", lastName);
    if (phone != null) {
      user.put("phone", phone);
    }
    user.put("created", created);
    user.put("updated", updated);
    return MANAGER.addKeys("user", user);
  }

  /** An email as the table stores it, with every generated key. */
  public static Map<String, Object> email(String email, String userId, long created) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("email", email);
    item.put("userId", userId);
    item.put("created", created);
    return MANAGER.addKeys("email", item);
  }
}
