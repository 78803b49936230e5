package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.SchemaHistory;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Backward compatibility: the current classes read every released version's events. */
class SchemaEvolutionTest {

  @Test
  void theCurrentUserEventReadsV1Bytes() throws IOException {
    GenericRecord v1 = SchemaHistory.userUpsertV1("u-legacy");
    byte[] bytes = write(v1);

    UserChangeEvent read =
        AvroBinaryCodec.of(UserChangeEvent.class).decode(bytes, SchemaHistory.userEventV1());

    assertThat(read.getOp()).isEqualTo(ChangeOp.UPSERT);
    assertThat(read.getUser().getUserId()).isEqualTo("u-legacy");
    assertThat(read.getUser().getPhone()).isNull();
    assertThat(read.getUser().getLocale()).as("field added in v2 takes its default").isNull();
    assertThat(read.getEventId()).hasToString(v1.get("eventId").toString());
  }

  @Test
  void everyReleasedVersionCanBeReadByTheCurrentSchema() {
    assertBackwardCompatible(UserChangeEvent.getClassSchema(), SchemaHistory.userEventV1());
    assertBackwardCompatible(EmailChangeEvent.getClassSchema(), SchemaHistory.emailEventV1());
  }

  @Test
  void theCheckerWouldCatchARequiredFieldAddedWithoutDefault() {
    Schema v1 = SchemaHistory.userEventV1();
    Schema breaking =
        SchemaBuilder.record(v1.getName())
            .namespace(v1.getNamespace())
            .fields()
            .requiredString("eventId")
            .requiredString("tier")
            .endRecord();

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(breaking, v1).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  private static void assertBackwardCompatible(Schema reader, Schema writer) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    assertThat(result.getType())
        .as(result.getDescription())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  private static byte[] write(GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
