package io.shardstream.ingest;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.schemas.EntityTopics;
import io.shardstream.service.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The change topic of each entity of a model in this deployment, by schemas' {@link EntityTopics}
 * rule: the setting {@code topics.<plural>} when set, else {@code <plural>.changes} (users.changes,
 * persons.changes, addresses.changes...), the names the writer reads.
 */
public final class EntityTopicNames {
  private final Map<String, String> byToken;

  private EntityTopicNames(Map<String, String> byToken) {
    this.byToken = Map.copyOf(byToken);
  }

  /** The names for every entity of {@code config}, from {@code settings}. */
  public static EntityTopicNames of(EntityConfig config, Settings settings) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String token : config.entities().keySet()) {
      EntityDefinition entity = config.entity(token).orElseThrow();
      names.put(
          token,
          settings.get(EntityTopics.settingKey(entity)).orElse(EntityTopics.defaultName(entity)));
    }
    return new EntityTopicNames(names);
  }

  /**
   * @throws IllegalArgumentException for a token the model does not have
   */
  public String of(String token) {
    return Optional.ofNullable(byToken.get(token))
        .orElseThrow(() -> new IllegalArgumentException("no entity '" + token + "' in the model"));
  }
}
