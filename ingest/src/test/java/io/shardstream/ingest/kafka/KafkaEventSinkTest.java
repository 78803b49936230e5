package io.shardstream.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaEventSinkTest {

  @Test
  void producersAreIdempotentAndWaitForAllReplicas() {
    Map<String, Object> config = KafkaEventSink.producerConfig(Map.of("bootstrap.servers", "localhost:9092", "linger.ms", "50"));

    assertThat(config)
        .containsEntry("enable.idempotence", "true")
        .containsEntry("acks", "all")
        .containsEntry("linger.ms", "50")
        .containsEntry("bootstrap.servers", "localhost:9092");
  }

  @Test
  void settingsMayRepeatTheGuaranteesButNotWeakenThem() {
    assertThat(KafkaEventSink.producerConfig(Map.of("acks", "-1", "enable.idempotence", "TRUE"))).containsEntry("acks", "all");
    assertThatThrownBy(() -> KafkaEventSink.producerConfig(Map.of("acks", "1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acks=1").hasMessageContaining("remove it");
    assertThatThrownBy(() -> KafkaEventSink.producerConfig(Map.of("enable.idempotence", "false")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enable.idempotence=false");
  }
}
