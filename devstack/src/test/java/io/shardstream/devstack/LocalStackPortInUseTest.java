package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port check runs before anything starts, so these tests start nothing. */
class LocalStackPortInUseTest {

  @TempDir Path dataDirectory;

  @Test
  void aTakenKafkaPortFailsWithAMessageNamingKafkaAndThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      LocalStackConfig config =
          LocalStackConfig.forTests(dataDirectory)
              .withComponents(Component.KAFKA, Component.DYNAMODB)
              .withPort(Component.KAFKA, port);

      assertThatThrownBy(() -> LocalStack.start(config))
          .isInstanceOfSatisfying(
              PortInUseException.class,
              e -> {
                assertThat(e.port()).isEqualTo(port);
                assertThat(e.component()).contains(Component.KAFKA);
              })
          .hasMessageStartingWith("Kafka cannot start: port " + port + " is already in use.")
          .hasMessageContaining("0 picks a free one");
    }
  }

  @Test
  void aTakenDynamoDbPortFailsBeforeKafkaIsStarted() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      LocalStackConfig config =
          LocalStackConfig.forTests(dataDirectory)
              .withComponents(Component.KAFKA, Component.DYNAMODB)
              .withPort(Component.DYNAMODB, port);

      assertThatThrownBy(() -> LocalStack.start(config))
          .isInstanceOf(PortInUseException.class)
          .hasMessageStartingWith(
              "DynamoDB Local cannot start: port " + port + " is already in use.");
      assertThat(dataDirectory.resolve("kafka")).doesNotExist();
    }
  }
}
