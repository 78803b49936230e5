package io.shardstream.writer;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.schemas.EntityTopics;
import io.shardstream.schemas.Topics;
import io.shardstream.writer.stage.EntityLinks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The topics the writer reads and writes.
 *
 * @param entities entity token → its change topic ({@link EntityTopics}), in configuration order
 * @param appliedChanges the change feed: one record per applied table change, keyed by the item's
 *     id
 * @param applicationId the prefix of the topics between the stages, named as Kafka Streams names
 *     its own internal topics
 */
public record TopicNames(
    Map<String, String> entities, String deadLetters, String appliedChanges, String applicationId) {

  public TopicNames {
    entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(appliedChanges, "appliedChanges");
    Objects.requireNonNull(applicationId, "applicationId");
  }

  /**
   * @param configured the entity's topic setting ({@link EntityTopics#settingKey}) when set, else
   *     null (the default name)
   */
  public static TopicNames of(
      String applicationId,
      EntityConfig config,
      Function<EntityDefinition, String> configured,
      String deadLetters,
      String appliedChanges) {
    Map<String, String> entities = new LinkedHashMap<>();
    for (EntityDefinition entity : config.entities().values()) {
      String topic = configured.apply(entity);
      entities.put(entity.token(), topic != null ? topic : EntityTopics.defaultName(entity));
    }
    return new TopicNames(entities, deadLetters, appliedChanges, applicationId);
  }

  /** Every entity on its default topic, with the standard dead-letter and change-feed topics. */
  public static TopicNames defaults(String applicationId, EntityConfig config) {
    return of(
        applicationId,
        config,
        entity -> null,
        Topics.DEAD_LETTERS.name(),
        Topics.APPLIED_CHANGES.name());
  }

  /** The change topic of {@code entity}. */
  public String entity(String entity) {
    String topic = entities.get(entity);
    if (topic == null) {
      throw new IllegalArgumentException("no entity '" + entity + "' in the configuration");
    }
    return topic;
  }

  /**
   * Child stage → parent stage, keyed by the parent's id: must have as many partitions as the
   * parent's topic (same keys, same default partitioner, so the same task).
   */
  public String ownerChanges(String child) {
    return applicationId + "-" + child + "-owner-changes";
  }

  /** Parent stage → child stage, keyed by the child's id: as many partitions as its topic. */
  public String cascade(String child) {
    return applicationId + "-" + child + "-cascade";
  }

  /** Every entity's change topic, in configuration order. */
  public List<String> sources() {
    return List.copyOf(entities.values());
  }

  /**
   * The topics between the stages, each with the source topic it is co-partitioned with: a child's
   * owner changes with its parent's topic, its cascade with its own topic.
   */
  public Map<String, String> internal(EntityLinks links) {
    Map<String, String> internal = new LinkedHashMap<>();
    for (var child : links.entities()) {
      links
          .linkedParent(child)
          .ifPresent(
              parent -> {
                internal.put(ownerChanges(child.token()), entity(parent.entity()));
                internal.put(cascade(child.token()), entity(child.token()));
              });
    }
    return internal;
  }

  /** The sources and the internal topics: what a consumer group of the writer reads. */
  public List<String> consumed(EntityLinks links) {
    List<String> all = new ArrayList<>(sources());
    all.addAll(internal(links).keySet());
    return all;
  }

  /** The same topics for another application id (a replay's own internal topics). */
  public TopicNames withApplication(
      String otherApplicationId, String otherDeadLetters, String otherAppliedChanges) {
    return new TopicNames(entities, otherDeadLetters, otherAppliedChanges, otherApplicationId);
  }
}
