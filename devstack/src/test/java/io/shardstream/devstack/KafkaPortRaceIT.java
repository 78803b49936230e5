package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port taken between the pre-flight check and the broker's bind (another process was quicker)
 * still ends in the clear error, and the half-started broker is shut down.
 */
class KafkaPortRaceIT {

  @TempDir Path dataDirectory;

  @Test
  void aBindFailureAfterThePreflightStillNamesKafkaAndThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      KafkaBroker broker =
          new KafkaBroker(taken.getLocalPort(), KafkaStorage.PER_RUN, dataDirectory, false);

      assertThatThrownBy(broker::start)
          .isInstanceOf(PortInUseException.class)
          .hasMessageStartingWith(
              "Kafka cannot start: port " + taken.getLocalPort() + " is already in use.");
    }
    assertThat(dataDirectory.resolve("kafka")).isEmptyDirectory();
  }
}
