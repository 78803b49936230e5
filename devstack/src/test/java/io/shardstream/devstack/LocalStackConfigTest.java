package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

  @Test
  void defaultsAreTheUsualPortsAllComponentsAndAProjectFolder() {
    LocalStackConfig config = LocalStackConfig.defaults();

    assertThat(config.components()).containsExactlyInAnyOrder(Component.values());
    assertThat(config.port(Component.KAFKA)).isEqualTo(9092);
    assertThat(config.port(Component.DYNAMODB)).isEqualTo(8000);
    assertThat(config.port(Component.REGISTRY)).isEqualTo(8081);
    assertThat(config.dataDirectory()).isEqualTo(Path.of(".shardstream/devstack").toAbsolutePath());
    assertThat(config.dynamoDbStorage()).isEqualTo(DynamoDbStorage.IN_MEMORY);
    assertThat(config.kafkaStorage()).isEqualTo(KafkaStorage.PER_RUN);
    assertThat(config.fresh()).isFalse();
  }

  @Test
  void testConfigurationPicksFreePorts() {
    LocalStackConfig config = LocalStackConfig.forTests(Path.of("target/devstack"));

    assertThat(config.ports()).containsValues(0).doesNotContainValue(9092);
  }

  @Test
  void withersChangeOneThing() {
    LocalStackConfig config =
        LocalStackConfig.defaults()
            .withComponents(Component.DYNAMODB)
            .withPort(Component.DYNAMODB, 18000)
            .withDynamoDbStorage(DynamoDbStorage.PERSISTENT)
            .withKafkaStorage(KafkaStorage.PERSISTENT)
            .withFresh(true);

    assertThat(config.components()).containsExactly(Component.DYNAMODB);
    assertThat(config.port(Component.DYNAMODB)).isEqualTo(18000);
    assertThat(config.port(Component.KAFKA)).isEqualTo(9092);
    assertThat(config.includes(Component.KAFKA)).isFalse();
    assertThat(config.dynamoDbStorage()).isEqualTo(DynamoDbStorage.PERSISTENT);
    assertThat(config.kafkaStorage()).isEqualTo(KafkaStorage.PERSISTENT);
    assertThat(config.fresh()).isTrue();
  }

  @Test
  void rejectsPortsOutOfRange() {
    assertThatThrownBy(() -> LocalStackConfig.defaults().withPort(Component.KAFKA, 70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Kafka port out of range: 70000");
  }
}
