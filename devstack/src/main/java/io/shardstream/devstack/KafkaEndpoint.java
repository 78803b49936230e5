package io.shardstream.devstack;

import java.util.Objects;

/**
 * Where clients reach the local Kafka broker.
 *
 * @param bootstrapServers value for the clients' {@code bootstrap.servers}, e.g. {@code
 *     localhost:9092}
 */
public record KafkaEndpoint(String bootstrapServers) {

  public KafkaEndpoint {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
  }
}
