package io.shardstream.bench.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.core.config.ConfigLoader;

/**
 * A shardstream configuration as Entity Manager accepts it. Entity Manager validates with a strict
 * zod schema that rejects unknown keys, so shardstream's per-entity extensions are removed;
 * everything else is Entity Manager's own format and passes through unchanged.
 */
public final class EntityManagerConfig {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private EntityManagerConfig() {}

  /** {@code shardstreamConfig} without shardstream's extensions, as pretty-printed JSON. */
  public static String fromShardstream(String shardstreamConfig) {
    try {
      JsonNode root = JSON.readTree(shardstreamConfig);
      if (root instanceof ObjectNode top) {
        ConfigLoader.SHARDSTREAM_TOP_KEYS.forEach(top::remove);
      }
      root.path("entities")
          .forEach(
              entity -> {
                if (entity instanceof ObjectNode fields) {
                  ConfigLoader.SHARDSTREAM_ENTITY_KEYS.forEach(fields::remove);
                }
              });
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "configuration is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
