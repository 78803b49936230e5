package io.shardstream.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/** Released versions of the event schemas (test resources under history/), never edited. */
public final class SchemaHistory {
  private SchemaHistory() {}

  public static Schema userEventV1() {
    return load("UserChangeEvent-v1.avsc");
  }

  public static Schema emailEventV1() {
    return load("EmailChangeEvent-v1.avsc");
  }

  /** A v1 UPSERT as a v1 producer (without the locale field) built it. */
  public static GenericRecord userUpsertV1(String userId) {
    Schema event = userEventV1();
    Schema user = event.getField("user").schema().getTypes().get(1);
    GenericRecord state =
        new GenericRecordBuilder(user)
            .set("userId", userId)
            .set("beneficiaryId", "b-7")
            .set("firstName", "Ada")
            .set("lastName", "Lovelace")
            .set("phone", null)
            .set("created", SampleEvents.CREATED.toEpochMilli())
            .set("updated", SampleEvents.UPDATED.toEpochMilli())
            .build();
    return new GenericRecordBuilder(event)
        .set("eventId", UUID.fromString("11111111-2222-4333-8444-555555555555").toString())
        .set("op", new GenericData.EnumSymbol(event.getField("op").schema(), "UPSERT"))
        .set("version", 1L)
        .set("occurredAt", SampleEvents.UPDATED.toEpochMilli())
        .set("source", "legacy-service")
        .set("user", state)
        .set("userKey", null)
        .build();
  }

  static Schema load(String name) {
    try (InputStream in = SchemaHistory.class.getResourceAsStream("history/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema history file " + name);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
