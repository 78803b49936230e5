package io.shardstream.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.schemas.DeadLetterHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaDeadLetterSinkTest {

  @Test
  void deadLettersHaveTheEventProducersGuaranteesUnderTheirOwnClientId() {
    Map<String, Object> config =
        KafkaDeadLetterSink.producerConfig(Map.of("bootstrap.servers", "localhost:9092"));

    assertThat(config)
        .containsEntry("enable.idempotence", "true")
        .containsEntry("acks", "all")
        .containsEntry("bootstrap.servers", "localhost:9092");
    assertThat((String) config.get("client.id")).startsWith("shardstream-ingest-dead-letters-");
    assertThat(KafkaDeadLetterSink.producerConfig(Map.of("client.id", "mine")))
        .containsEntry("client.id", "mine");
    assertThatThrownBy(() -> KafkaDeadLetterSink.producerConfig(Map.of("acks", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acks=0");
  }

  @Test
  void longDetailsAreCutForTheHeader() {
    assertThat(DeadLetterHeaders.detail("short")).isEqualTo("short");
    assertThat(DeadLetterHeaders.detail("x".repeat(5_000)))
        .hasSize(DeadLetterHeaders.MAX_DETAIL_CHARS + 3)
        .endsWith("...");
  }
}
