package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.schemas.RegistryApi;
import io.shardstream.schemas.SampleEvents;
import io.shardstream.schemas.SchemaHistory;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.RegisteredSchema;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaNotRegisteredException;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serdes against a real Apicurio Registry 3.3.3. Each test has topics of its own. */
@ExtendWith(DevStackExtension.class)
class RegistrySerdesIT {
  private RegistryEndpoint registry;
  private RegistryApi api;
  private String topic;

  @BeforeEach
  void setUp(RegistryEndpoint registry) {
    this.registry = registry;
    this.api = new RegistryApi(registry);
    this.topic = "users.changes." + UUID.randomUUID();
  }

  @Test
  void writesTheConfluentWireFormatAndReadsBackTheGeneratedClass() {
    UserChangeEvent event = SampleEvents.userUpsert("u-1");
    try (Serde<UserChangeEvent> serde = development().userEvents()) {
      byte[] bytes = serde.serializer().serialize(topic, event);

      assertThat(bytes[0]).as("magic byte").isZero();
      int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
      assertThat(Arrays.copyOfRange(bytes, 5, bytes.length))
          .as("the rest is plain Avro binary")
          .isEqualTo(AvroBinaryCodec.of(UserChangeEvent.class).encode(event));
      // The id is what Confluent clients look up: the ccompat API serves the whole schema under it.
      Schema served =
          new Schema.Parser().parse(api.ccompat("/schemas/ids/" + schemaId).get("schema").asText());
      assertThat(served).isEqualTo(UserChangeEvent.getClassSchema());
      assertThat(api.core("/ids/contentIds/" + schemaId + "/references"))
          .as("no references to other artifacts")
          .isEmpty();

      Object read = serde.deserializer().deserialize(topic, bytes);
      assertThat(read).isExactlyInstanceOf(UserChangeEvent.class).isEqualTo(event);
    }
  }

  @Test
  void theGenericDecoderReadsTodaysAndDerivedEventsIntoTheDerivedSchema() {
    GenericDecoding.check(
        development(), new SchemaRegistrar(RegistrySettings.development(registry.url())), topic);
  }

  @Test
  void registeringOnFirstUseSetsBackwardCompatibility() {
    try (Serde<EmailChangeEvent> serde = development().emailEvents()) {
      serde.serializer().serialize(topic, SampleEvents.emailUpsert("ada@example.com", "u-1"));
    }

    String artifact = "/groups/default/artifacts/" + topic + "-value";
    assertThat(api.core(artifact + "/rules/COMPATIBILITY").get("config").asText())
        .isEqualTo("BACKWARD");
    assertThat(api.ccompat("/config/" + topic + "-value").toString()).contains("BACKWARD");
  }

  @Test
  void v1EventsDecodeWithTheCurrentReader() throws IOException {
    SchemaRegistrar registrar = new SchemaRegistrar(RegistrySettings.production(registry.url()));
    RegisteredSchema v1 = registrar.registerValueSchema(topic, SchemaHistory.userEventV1());
    GenericRecord v1Event = SchemaHistory.userUpsertV1("u-legacy");
    byte[] v1Bytes = framed(v1.schemaId(), v1Event);

    // The registry itself judges v2 backward compatible with v1.
    RegisteredSchema v2 = registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema());
    assertThat(v2.version()).isEqualTo("2");
    assertThat(v2.schemaId()).isNotEqualTo(v1.schemaId());

    DecodeResult<UserChangeEvent> decoded =
        production().valueDecoder(UserChangeEvent.class).decode(topic, v1Bytes);

    assertThat(decoded)
        .isInstanceOfSatisfying(
            DecodeResult.Ok.class,
            ok -> {
              UserChangeEvent event = (UserChangeEvent) ok.event();
              assertThat(event.getUser().getUserId()).isEqualTo("u-legacy");
              assertThat(event.getUser().getLocale()).isNull();
              assertThat(event.getSource()).isEqualTo("legacy-service");
            });
  }

  @Test
  void productionSerializersOnlyUseRegisteredSchemas() {
    try (Serde<UserChangeEvent> serde = production().userEvents()) {
      assertThatThrownBy(() -> serde.serializer().serialize(topic, SampleEvents.userUpsert("u-1")))
          .isInstanceOf(SchemaNotRegisteredException.class)
          .hasMessageContaining(
              "UserChangeEvent schema is not a registered version of artifact default/"
                  + topic
                  + "-value");

      RegisteredSchema registered =
          new SchemaRegistrar(RegistrySettings.production(registry.url()))
              .registerValueSchema(topic, UserChangeEvent.getClassSchema());
      byte[] bytes = serde.serializer().serialize(topic, SampleEvents.userUpsert("u-1"));

      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo((int) registered.schemaId());
    }
  }

  @Test
  void anEventThatCannotBeWrittenIsASerializationErrorNotARegistryOne() {
    UserChangeEvent incomplete = SampleEvents.userUpsert("u-1");
    incomplete.setSource(null);
    try (Serde<UserChangeEvent> serde = development().userEvents()) {
      assertThatThrownBy(() -> serde.serializer().serialize(topic, incomplete))
          .isInstanceOf(SerializationException.class)
          .isNotInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("cannot write a UserChangeEvent to topic " + topic);
    }
  }

  @Test
  void registeringTheSameSchemaAgainFindsTheVersion() {
    SchemaRegistrar registrar = new SchemaRegistrar(RegistrySettings.production(registry.url()));

    RegisteredSchema first = registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema());
    RegisteredSchema again = registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema());

    assertThat(again).isEqualTo(first);
  }

  @Test
  void badBytesAreDecodeFailuresWithReasons() {
    ChangeEventSerdes serdes = development();
    ChangeEventDecoder<UserChangeEvent> users = serdes.valueDecoder(UserChangeEvent.class);
    byte[] user = serdes.userEvents().serializer().serialize(topic, SampleEvents.userUpsert("u-1"));
    byte[] email =
        serdes
            .emailEvents()
            .serializer()
            .serialize("emails." + topic, SampleEvents.emailUpsert("a@b.c", "u-1"));

    assertThat(failure(users.decode(topic, "{\"userId\":1}".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(DecodeFailure.NOT_REGISTRY_FRAMED);
    assertThat(failure(users.decode(topic, new byte[] {0, 0})))
        .isEqualTo(DecodeFailure.NOT_REGISTRY_FRAMED);
    byte[] unknownId = user.clone();
    ByteBuffer.wrap(unknownId).putInt(1, Integer.MAX_VALUE);
    assertThat(failure(users.decode(topic, unknownId))).isEqualTo(DecodeFailure.UNKNOWN_SCHEMA_ID);
    assertThat(failure(users.decode(topic, email))).isEqualTo(DecodeFailure.WRONG_EVENT_TYPE);
    assertThat(failure(users.decode(topic, Arrays.copyOf(user, user.length - 4))))
        .isEqualTo(DecodeFailure.MALFORMED_AVRO);
    assertThat(failure(users.decode(topic, null))).isEqualTo(DecodeFailure.NULL_VALUE);
  }

  private ChangeEventSerdes development() {
    return ChangeEventSerdes.registry(RegistrySettings.development(registry.url()));
  }

  private ChangeEventSerdes production() {
    return ChangeEventSerdes.registry(RegistrySettings.production(registry.url()));
  }

  private static DecodeFailure failure(DecodeResult<?> result) {
    assertThat(result).isInstanceOf(DecodeResult.Failed.class);
    return ((DecodeResult.Failed<?>) result).failure();
  }

  /** Bytes as a v1 producer wrote them: magic byte, schema id, Avro binary of the v1 schema. */
  private static byte[] framed(long schemaId, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt((int) schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
