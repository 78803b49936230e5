package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.schemas.RegistryApi;
import io.shardstream.schemas.SampleEvents;
import io.shardstream.schemas.SchemaHistory;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.IncompatibleSchemaException;
import io.shardstream.schemas.registry.RegisteredSchema;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import io.shardstream.schemas.registry.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code registry.api=confluent} against the Confluent-compatible API of a real Apicurio Registry
 * 3.3.3 ({@code /apis/ccompat/v7}): the serdes, the registrar, and records crossing between the two
 * APIs of the same registry. Each test has topics of its own.
 */
@ExtendWith(DevStackExtension.class)
class ConfluentApiIT {
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
    try (Serde<UserChangeEvent> serde = confluent(true).userEvents()) {
      byte[] bytes = serde.serializer().serialize(topic, event);

      assertThat(bytes[0]).as("magic byte").isZero();
      int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
      assertThat(Arrays.copyOfRange(bytes, 5, bytes.length))
          .isEqualTo(AvroBinaryCodec.of(UserChangeEvent.class).encode(event));
      // The id is Apicurio's content id: its core API serves the same schema under it.
      assertThat(new Schema.Parser().parse(api.core("/ids/contentIds/" + schemaId).toString()))
          .isEqualTo(UserChangeEvent.getClassSchema());
      assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(event);
    }
  }

  @Test
  void recordsCrossBetweenTheTwoApisOfOneRegistry() {
    UserChangeEvent event = SampleEvents.userUpsert("u-2");
    try (Serde<UserChangeEvent> viaConfluent = confluent(true).userEvents();
        Serde<UserChangeEvent> viaApicurio =
            ChangeEventSerdes.registry(RegistrySettings.development(registry.url())).userEvents()) {
      byte[] fromConfluent = viaConfluent.serializer().serialize(topic, event);
      byte[] fromApicurio = viaApicurio.serializer().serialize(topic, event);

      assertThat(fromApicurio).as("the same schema id, the same bytes").isEqualTo(fromConfluent);
      assertThat(viaApicurio.deserializer().deserialize(topic, fromConfluent)).isEqualTo(event);
      assertThat(viaConfluent.deserializer().deserialize(topic, fromApicurio)).isEqualTo(event);
    }
  }

  @Test
  void registeringSetsBackwardCompatibilityBeforeTheFirstVersion() {
    try (Serde<EmailChangeEvent> serde = confluent(true).emailEvents()) {
      serde.serializer().serialize(topic, SampleEvents.emailUpsert("ada@example.com", "u-1"));
    }

    assertThat(api.ccompat("/config/" + topic + "-value").get("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
    assertThat(
            api.core("/groups/default/artifacts/" + topic + "-value/rules/COMPATIBILITY")
                .get("config")
                .asText())
        .as("the same rule through Apicurio's own API")
        .isEqualTo("BACKWARD");
  }

  @Test
  void aBackwardIncompatibleSchemaIsRefusedWithTheReason() throws Exception {
    SchemaRegistrar registrar = registrar();
    registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema());

    assertThatThrownBy(() -> registrar.registerValueSchema(topic, withRequiredField("tier")))
        .isInstanceOfSatisfying(
            IncompatibleSchemaException.class,
            e ->
                assertThat(e.violations())
                    .isNotEmpty()
                    .anySatisfy(v -> assertThat(v).contains("tier")))
        .hasMessageContaining("schema registry at " + registry.ccompatUrl() + " rejected a schema")
        .hasMessageContaining("subject " + topic + "-value");
    assertThat(api.ccompat("/subjects/" + topic + "-value/versions").size())
        .as("the refused version was not added")
        .isEqualTo(1);
  }

  @Test
  void olderVersionsDecodeWithTheCurrentReaderAndAStricterLevelIsKept() {
    SchemaRegistrar registrar = registrar();
    RegisteredSchema v1 = registrar.registerValueSchema(topic, SchemaHistory.userEventV1());
    RegisteredSchema v2 = registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema());
    assertThat(v1.version()).isEqualTo("1");
    assertThat(v2.version()).isEqualTo("2");
    assertThat(v2.schemaId()).isNotEqualTo(v1.schemaId());

    api.ccompatPut("/config/" + topic + "-value", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
    assertThat(registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema()))
        .isEqualTo(v2);
    assertThat(registrar.compatibility(topic + "-value")).isEqualTo("FULL_TRANSITIVE");
  }

  @Test
  void productionSerializersOnlyLookUpAndNameTheSettingThatRegisters() {
    try (Serde<UserChangeEvent> serde = confluent(false).userEvents()) {
      assertThatThrownBy(() -> serde.serializer().serialize(topic, SampleEvents.userUpsert("u-1")))
          .isExactlyInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining(
              "UserChangeEvent schema is not registered under subject " + topic + "-value")
          .hasMessageContaining("registry.auto-register=true");

      RegisteredSchema registered =
          registrar().registerValueSchema(topic, UserChangeEvent.getClassSchema());
      byte[] bytes = serde.serializer().serialize(topic, SampleEvents.userUpsert("u-1"));
      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo((int) registered.schemaId());
    }
  }

  @Test
  void theGenericDecoderReadsTodaysAndDerivedEventsIntoTheDerivedSchema() {
    GenericDecoding.check(confluent(true), registrar(), topic);
  }

  @Test
  void badBytesAreDecodeFailuresWithReasons() {
    ChangeEventSerdes serdes = confluent(true);
    ChangeEventDecoder<UserChangeEvent> users = serdes.valueDecoder(UserChangeEvent.class);
    byte[] user = serdes.userEvents().serializer().serialize(topic, SampleEvents.userUpsert("u-1"));
    byte[] email =
        serdes
            .emailEvents()
            .serializer()
            .serialize("emails." + topic, SampleEvents.emailUpsert("a@b.c", "u-1"));

    assertThat(failure(users.decode(topic, "{\"userId\":1}".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(DecodeFailure.NOT_REGISTRY_FRAMED);
    byte[] unknownId = user.clone();
    ByteBuffer.wrap(unknownId).putInt(1, Integer.MAX_VALUE);
    assertThat(failure(users.decode(topic, unknownId))).isEqualTo(DecodeFailure.UNKNOWN_SCHEMA_ID);
    assertThat(failure(users.decode(topic, email))).isEqualTo(DecodeFailure.WRONG_EVENT_TYPE);
    assertThat(failure(users.decode(topic, Arrays.copyOf(user, user.length - 4))))
        .isEqualTo(DecodeFailure.MALFORMED_AVRO);
  }

  @Test
  void theServersBaseUrlIsNotTheConfluentApiAndTheErrorSaysWhereItIs() {
    ChangeEventDecoder<UserChangeEvent> decoder =
        ChangeEventSerdes.registry(
                RegistrySettings.production(SchemaRegistryApi.CONFLUENT, registry.url()))
            .valueDecoder(UserChangeEvent.class);
    byte[] framed = ByteBuffer.allocate(10).put((byte) 0).putInt(1).array();

    assertThatThrownBy(() -> decoder.decode(topic, framed))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("no Confluent-compatible schema registry API at " + registry.url())
        .hasMessageContaining("/apis/ccompat/v7");
  }

  private ChangeEventSerdes confluent(boolean autoRegister) {
    return ChangeEventSerdes.registry(
        new RegistrySettings(SchemaRegistryApi.CONFLUENT, registry.ccompatUrl(), autoRegister));
  }

  private SchemaRegistrar registrar() {
    return new SchemaRegistrar(
        RegistrySettings.production(SchemaRegistryApi.CONFLUENT, registry.ccompatUrl()));
  }

  private static DecodeFailure failure(DecodeResult<?> result) {
    assertThat(result).isInstanceOf(DecodeResult.Failed.class);
    return ((DecodeResult.Failed<?>) result).failure();
  }

  /** The current event with one more required field: new readers could not read old events. */
  private static Schema withRequiredField(String name) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode schema = (ObjectNode) json.readTree(UserChangeEvent.getClassSchema().toString());
    schema.withArray("fields").addObject().put("name", name).put("type", "string");
    return new Schema.Parser().parse(schema.toString());
  }
}
