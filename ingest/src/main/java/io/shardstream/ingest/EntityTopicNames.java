package io.shardstream.ingest;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.service.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The change topic of each entity of a model in this deployment: the setting {@code
 * topics.<plural>} when set, else the default {@code <plural>.changes} (users.changes,
 * emails.changes, persons.changes, addresses.changes...), the names the writer reads.
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
      names.put(token, settings.get(settingKey(entity)).orElse(defaultName(entity)));
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

  // The rule's one place is schemas' EntityTopics (i11-stages); these two delegate to it once it
  // is merged.
  static String defaultName(EntityDefinition entity) {
    return plural(entity.token()) + ".changes";
  }

  static String settingKey(EntityDefinition entity) {
    return "topics." + plural(entity.token());
  }

  private static String plural(String token) {
    if (token.matches(".*(s|x|z|ch|sh)")) {
      return token + "es";
    }
    if (token.matches(".*[^aeiou]y")) {
      return token.substring(0, token.length() - 1) + "ies";
    }
    return token + "s";
  }
}
