package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.schemas.SampleEvents;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No registry on the port: every path fails fast with a message naming the registry, and never
 * dead-letters.
 */
class RegistryUnreachableIT {
  private static final String TOPIC = "users.changes";
  private static URI nowhere;

  @BeforeAll
  static void findAClosedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      nowhere = URI.create("http://localhost:" + socket.getLocalPort());
    }
  }

  @Test
  void registeringSaysTheRegistryIsUnavailable() {
    SchemaRegistrar registrar = new SchemaRegistrar(RegistrySettings.development(nowhere));

    assertThatThrownBy(() -> registrar.registerValueSchema(TOPIC, UserChangeEvent.getClassSchema()))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("schema registry at " + nowhere + "/apis/registry/v3 is unavailable")
        .hasMessageContaining("users.changes-value");
  }

  @Test
  void serializingInDevelopmentSaysTheRegistryIsUnavailable() {
    try (Serde<UserChangeEvent> serde =
        ChangeEventSerdes.registry(RegistrySettings.development(nowhere)).userEvents()) {
      assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, SampleEvents.userUpsert("u-1")))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageContaining(nowhere.toString());
    }
  }

  @Test
  void serializingInProductionSaysTheRegistryIsUnavailable() {
    try (Serde<UserChangeEvent> serde =
        ChangeEventSerdes.registry(RegistrySettings.production(nowhere)).userEvents()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, SampleEvents.userUpsert("u-1")))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageContaining(nowhere.toString())
          .hasMessageContaining("UserChangeEvent");
      System.out.println(
          "production serialize failed after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
  }

  @Test
  void decodingThrowsInsteadOfDeadLetteringAGoodRecord() {
    ChangeEventDecoder<UserChangeEvent> decoder =
        ChangeEventSerdes.registry(RegistrySettings.production(nowhere))
            .valueDecoder(UserChangeEvent.class);
    byte[] framed = ByteBuffer.allocate(10).put((byte) 0).putInt(1).array();

    assertThatThrownBy(() -> decoder.decode(TOPIC, framed))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("fetching schema id 1");
  }

  /**
   * A registry that takes the connection and never answers: Apicurio's client would wait for good;
   * the decode gives up after its wait and reports an outage (which the writer waits out and
   * retries), never a hung stream thread.
   */
  @Test
  void aRegistryThatNeverAnswersIsAnOutageAfterTheWait() throws IOException {
    try (ServerSocket silent = new ServerSocket(0)) {
      URI registry = URI.create("http://localhost:" + silent.getLocalPort());
      RegistryEventDeserializer<UserChangeEvent> deserializer =
          RegistryEventDeserializer.specific(
              RegistrySettings.production(registry), UserChangeEvent.class, Duration.ofSeconds(1));
      byte[] framed = ByteBuffer.allocate(10).put((byte) 0).putInt(1).array();

      assertThatThrownBy(() -> deserializer.deserialize(TOPIC, framed))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageContaining("did not answer within 1 s")
          .hasMessageContaining("schema id 1");
    }
  }
}
