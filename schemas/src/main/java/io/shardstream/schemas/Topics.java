package io.shardstream.schemas;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.schemas.changes.AppliedChangeJson;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.registry.RegisteredSchema;
import io.shardstream.schemas.registry.SchemaRegistrar;
import java.util.List;
import java.util.function.Function;

/** Every topic shardstream reads or writes, by default name and setting key. */
public final class Topics {
  /** User change events, keyed by userId. */
  public static final Topic<String, UserChangeEvent> USERS =
      Topic.changeEvents("users.changes", "topics.users", UserChangeEvent.class);

  /** Email change events, keyed by the address. */
  public static final Topic<String, EmailChangeEvent> EMAILS =
      Topic.changeEvents("emails.changes", "topics.emails", EmailChangeEvent.class);

  /**
   * Records the writer could not apply: the original key and value bytes, with headers naming the
   * reason, source topic, partition and offset.
   */
  public static final Topic<byte[], byte[]> DEAD_LETTERS =
      Topic.rawBytes("shardstream.dlq", "topics.dead-letters");

  /**
   * The change feed: one record per table change the writer applied, keyed by the item's id,
   * visible to {@code read_committed} consumers only once the write is durable (writer/README.md,
   * "Change feed"); the query API's {@code /v1/changes} reads it.
   */
  public static final Topic<String, AppliedChange> APPLIED_CHANGES =
      Topic.json("shardstream.applied-changes", "topics.applied-changes", AppliedChangeJson::serde);

  private Topics() {}

  public static List<Topic<?, ?>> all() {
    return List.of(USERS, EMAILS, DEAD_LETTERS, APPLIED_CHANGES);
  }

  /**
   * Registers the value schema of every event topic (idempotent), each under a BACKWARD
   * compatibility rule: the deployment step before production serializers, which only look up.
   */
  public static List<RegisteredSchema> registerSchemas(SchemaRegistrar registrar) {
    return all().stream()
        .filter(topic -> topic.valueSchema().isPresent())
        .map(
            topic -> registrar.registerValueSchema(topic.name(), topic.valueSchema().orElseThrow()))
        .toList();
  }

  /**
   * Registers the derived event schema of every entity of {@code config} that declares attributes
   * (idempotent), each on its topic under a BACKWARD compatibility rule; the registry refuses a
   * schema that breaks it ({@code IncompatibleSchemaException}).
   *
   * @param topicOf the topic name in use for each entity token
   */
  public static List<RegisteredSchema> registerSchemas(
      SchemaRegistrar registrar, EntityConfig config, Function<String, String> topicOf) {
    return EntityEventSchemas.derive(config).entrySet().stream()
        .map(
            derived ->
                registrar.registerValueSchema(topicOf.apply(derived.getKey()), derived.getValue()))
        .toList();
  }
}
