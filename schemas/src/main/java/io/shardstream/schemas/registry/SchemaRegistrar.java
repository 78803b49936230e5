package io.shardstream.schemas.registry;

import io.shardstream.schemas.registry.ConfluentRegistryClient.CompatibilityCheck;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Registers event schemas the way shardstream's serdes find them: subject {@code <topic>-value}
 * (Confluent's TopicNameStrategy; in Apicurio the artifact of that id in group {@value #GROUP}, its
 * TopicIdStrategy), with the whole schema in one document (no references), under a compatibility
 * level of at least BACKWARD, so that a reader of the newest version can read every older event. It
 * speaks the API {@link RegistrySettings#api()} names.
 *
 * <p>This is the only place that writes to the registry: serializers in development mode call it on
 * first use, deployments call it through {@code Topics.registerSchemas}.
 */
public final class SchemaRegistrar {
  public static final String GROUP = "default";
  static final String BACKWARD = "BACKWARD";

  /** Levels that already include BACKWARD: an operator's stricter choice is kept. */
  static final Set<String> AT_LEAST_BACKWARD =
      Set.of(BACKWARD, "BACKWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");

  private final SubjectRegistrar registrar;

  public SchemaRegistrar(RegistrySettings settings) {
    this.registrar =
        switch (settings.api()) {
          case APICURIO -> new ApicurioSubjectRegistrar(settings.apiUrl());
          case CONFLUENT -> new ConfluentSubjectRegistrar(new ConfluentRegistryClient(settings));
        };
  }

  /** The subject (Apicurio: artifact id) under which a topic's value schema lives. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  /**
   * Makes {@code schema} a version of the topic's value subject (finding it when it is there
   * already) and keeps the subject's compatibility level at BACKWARD or stricter.
   *
   * @throws IncompatibleSchemaException the schema breaks the compatibility rule
   * @throws SchemaRegistryUnavailableException the registry cannot be reached
   */
  public RegisteredSchema registerValueSchema(String topic, Schema schema) {
    return registrar.register(valueSubject(topic), schema);
  }

  /** The subject's compatibility level, or null when it has none. */
  public String compatibility(String subject) {
    return registrar.compatibility(subject);
  }

  /** The newest value schema of the topic, when it has one. */
  public Optional<Schema> latestValueSchema(String topic) {
    return registrar.latest(valueSubject(topic));
  }

  /**
   * The registry's verdict on {@code schema} as the topic's next value schema under the subject's
   * rule, without registering anything.
   *
   * @throws SchemaRegistryUnavailableException the registry cannot be reached
   */
  public CompatibilityCheck checkValueSchema(String topic, Schema schema) {
    return registrar.check(valueSubject(topic), schema);
  }
}
