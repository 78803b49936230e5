package io.shardstream.devstack.containers;

import io.shardstream.devstack.KafkaEndpoint;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka as Testcontainers' {@link KafkaContainer}: a combined KRaft node configured through the
 * official image's {@code KAFKA_*} environment, which the local image honours too.
 */
final class KafkaContainers {

  /** The image the local one stands in for (same start script and configuration variables). */
  static final String OFFICIAL_IMAGE = "apache/kafka";

  private KafkaContainers() {}

  static KafkaContainer create(DockerImageName image) {
    return new KafkaContainer(image.asCompatibleSubstituteFor(OFFICIAL_IMAGE))
        // The official default is a 1 GiB heap; tests move a few MB. As the in-process broker,
        // a small log cleaner buffer (its 128 MiB default would not fit such a heap).
        .withEnv("KAFKA_HEAP_OPTS", "-Xmx512m -Xms64m")
        .withEnv("KAFKA_LOG_CLEANER_DEDUPE_BUFFER_SIZE", String.valueOf(2 * 1024 * 1024));
  }

  static KafkaEndpoint endpoint(KafkaContainer started) {
    return new KafkaEndpoint(started.getBootstrapServers());
  }
}
