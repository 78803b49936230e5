package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.SampleEvents;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.registry.SchemaRegistrar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * What {@link ChangeEventSerdes#genericDecoder} must do through a registry, checked the same way on
 * each registry API's IT: today's User events (generated class, its registered schema) and events
 * of a derived schema (Person) read into the derived schema; another event type, an unknown id and
 * truncated bytes are the usual decode failures.
 */
final class GenericDecoding {
  private static final EntityConfig USER_EMAIL = ConfigLoader.parse(ExampleConfigs.userEmail());
  private static final EntityConfig PERSON = ConfigLoader.parse(ExampleConfigs.person());

  private GenericDecoding() {}

  static void check(ChangeEventSerdes serdes, SchemaRegistrar registrar, String topic) {
    Schema userSchema = EntityEventSchemas.derive(USER_EMAIL.entity("user").orElseThrow());
    ChangeEventDecoder<GenericRecord> users = serdes.genericDecoder(userSchema);
    UserChangeEvent event = SampleEvents.userUpsert("u-1");
    byte[] user = serdes.userEvents().serializer().serialize(topic, event);

    GenericRecord read = ok(users.decode(topic, user));
    assertThat(read.getSchema()).isEqualTo(userSchema);
    GenericRecord state = (GenericRecord) read.get("user");
    assertThat(state.get("userId").toString()).isEqualTo("u-1");
    assertThat(state.get("created")).isEqualTo(event.getUser().getCreated());
    assertThat(read.get("eventId")).isEqualTo(event.getEventId());

    byte[] email =
        serdes
            .emailEvents()
            .serializer()
            .serialize("emails." + topic, SampleEvents.emailUpsert("a@b.c", "u-1"));
    assertThat(failure(users.decode(topic, email))).isEqualTo(DecodeFailure.WRONG_EVENT_TYPE);
    byte[] unknownId = user.clone();
    ByteBuffer.wrap(unknownId).putInt(1, Integer.MAX_VALUE);
    assertThat(failure(users.decode(topic, unknownId))).isEqualTo(DecodeFailure.UNKNOWN_SCHEMA_ID);
    assertThat(failure(users.decode(topic, Arrays.copyOf(user, user.length - 4))))
        .isEqualTo(DecodeFailure.MALFORMED_AVRO);

    // An entity with no generated class: its derived schema registered, its events read back.
    Schema personSchema = EntityEventSchemas.derive(PERSON.entity("person").orElseThrow());
    String persons = "persons." + topic;
    long id = registrar.registerValueSchema(persons, personSchema).schemaId();
    GenericRecord person = person(personSchema);
    GenericRecord back =
        ok(serdes.genericDecoder(personSchema).decode(persons, WireFormat.frame(id, body(person))));
    assertThat(((GenericRecord) back.get("person")).get("createdAt"))
        .isEqualTo(Instant.ofEpochMilli(1_748_736_000_000L));
    assertThat(((GenericRecord) back.get("person")).get("firstName").toString()).isEqualTo("Ana");
  }

  private static GenericRecord person(Schema schema) {
    GenericRecord state =
        new GenericData.Record(schema.getField("person").schema().getTypes().get(1));
    state.put("id", "p-1");
    state.put("firstName", "Ana");
    state.put("lastName", "Lee");
    state.put("createdAt", 1_748_736_000_000L);
    state.put("updatedAt", 1_748_736_000_000L);
    GenericRecord event = new GenericData.Record(schema);
    event.put("eventId", UUID.randomUUID().toString());
    event.put("op", new GenericData.EnumSymbol(schema.getField("op").schema(), "UPSERT"));
    event.put("version", 1L);
    event.put("occurredAt", 1_748_736_000_000L);
    event.put("source", "test");
    event.put("person", state);
    return event;
  }

  private static byte[] body(GenericRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static GenericRecord ok(DecodeResult<GenericRecord> result) {
    assertThat(result).isInstanceOf(DecodeResult.Ok.class);
    return ((DecodeResult.Ok<GenericRecord>) result).event();
  }

  private static DecodeFailure failure(DecodeResult<?> result) {
    assertThat(result).isInstanceOf(DecodeResult.Failed.class);
    return ((DecodeResult.Failed<?>) result).failure();
  }
}
