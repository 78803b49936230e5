package io.shardstream.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class KafkaEventSinkTest {

  @Test
  void producersAreIdempotentAndWaitForAllReplicas() {
    Map<String, Object> config =
        KafkaEventSink.producerConfig(
            Map.of("bootstrap.servers", "localhost:9092", "linger.ms", "50"));

    assertThat(config)
        .containsEntry("enable.idempotence", "true")
        .containsEntry("acks", "all")
        .containsEntry("linger.ms", "50")
        .containsEntry("bootstrap.servers", "localhost:9092");
  }

  @Test
  void settingsMayRepeatTheGuaranteesButNotWeakenThem() {
    assertThat(KafkaEventSink.producerConfig(Map.of("acks", "-1", "enable.idempotence", "TRUE")))
        .containsEntry("acks", "all");
    assertThatThrownBy(() -> KafkaEventSink.producerConfig(Map.of("acks", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acks=1")
        .hasMessageContaining("remove it");
    assertThatThrownBy(() -> KafkaEventSink.producerConfig(Map.of("enable.idempotence", "false")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enable.idempotence=false");
  }

  @Test
  void aBrokerOutOfReachIsOneMessageNamingTheSetting() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String bootstrap = "localhost:" + closed;
    try (KafkaEventSink sink =
        KafkaEventSink.create(
            Map.of("bootstrap.servers", bootstrap, "max.block.ms", "1500"),
            ChangeEventSerdes.plainAvro())) {
      var delivered = sink.send(new ChangeRecord.Undecodable(Topics.USERS, "k", new byte[] {1}));

      assertThatThrownBy(delivered::get)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(KafkaUnreachableException.class)
          .hasMessageStartingWith("Kafka at " + bootstrap + " did not answer (")
          .hasMessageEndingWith(
              "check kafka.bootstrap.servers "
                  + "(SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS) and that the broker is running");
      assertThat(delivered.exceptionNow().toString()).doesNotContain("Exception");
    }
  }
}
