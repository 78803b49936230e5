package io.shardstream.devstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of the components a {@link LocalStack} started. Asking for a component that was not
 * started fails with a message saying so, rather than returning a null to trip over later.
 */
public final class LocalStackEndpoints {

  private final KafkaEndpoint kafka;
  private final SecureKafkaEndpoint secureKafka;
  private final DynamoDbEndpoint dynamoDb;
  private final RegistryEndpoint registry;

  LocalStackEndpoints(KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb, RegistryEndpoint registry) {
    this(kafka, null, dynamoDb, registry);
  }

  LocalStackEndpoints(
      KafkaEndpoint kafka,
      SecureKafkaEndpoint secureKafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry) {
    this.kafka = kafka;
    this.secureKafka = secureKafka;
    this.dynamoDb = dynamoDb;
    this.registry = registry;
  }

  public boolean has(Component component) {
    return switch (component) {
      case KAFKA -> kafka != null;
      case DYNAMODB -> dynamoDb != null;
      case REGISTRY -> registry != null;
    };
  }

  public KafkaEndpoint kafka() {
    return require(Component.KAFKA, kafka);
  }

  /** The broker's SASL_SSL listener ({@link LocalStackConfig#withKafkaSaslSsl}). */
  public SecureKafkaEndpoint secureKafka() {
    if (secureKafka == null) {
      throw new DevStackException(
          Component.KAFKA,
          "this LocalStack's broker has no SASL_SSL listener; start it with"
              + " LocalStackConfig.withKafkaSaslSsl(true)");
    }
    return secureKafka;
  }

  public DynamoDbEndpoint dynamoDb() {
    return require(Component.DYNAMODB, dynamoDb);
  }

  public RegistryEndpoint registry() {
    return require(Component.REGISTRY, registry);
  }

  public String kafkaBootstrapServers() {
    return kafka().bootstrapServers();
  }

  public URI dynamoDbUrl() {
    return dynamoDb().url();
  }

  public URI registryUrl() {
    return registry().url();
  }

  public URI registryCcompatUrl() {
    return registry().ccompatUrl();
  }

  /**
   * One line per started component, for printing at the end of {@code shardstream demo} start-up.
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    Optional.ofNullable(kafka)
        .ifPresent(k -> lines.add("Kafka bootstrap servers: " + k.bootstrapServers()));
    Optional.ofNullable(secureKafka)
        .ifPresent(k -> lines.add("  SASL_SSL (SCRAM):      " + k.bootstrapServers()));
    Optional.ofNullable(dynamoDb).ifPresent(d -> lines.add("DynamoDB Local endpoint: " + d.url()));
    Optional.ofNullable(registry)
        .ifPresent(
            r -> {
              lines.add("Schema registry:         " + r.url());
              lines.add("  Confluent-compatible:  " + r.ccompatUrl());
            });
    return lines;
  }

  @Override
  public String toString() {
    return String.join(System.lineSeparator(), describe());
  }

  private static <T> T require(Component component, T endpoint) {
    if (endpoint == null) {
      throw new DevStackException(
          component,
          component.displayName()
              + " is not part of this LocalStack; add it to LocalStackConfig.components");
    }
    return endpoint;
  }
}
