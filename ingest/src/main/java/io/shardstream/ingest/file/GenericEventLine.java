package io.shardstream.ingest.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.ingest.ChangeRecord;
import java.time.LocalDate;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * An entity event as a line of the generic import format, {@code {"entity", "op", "version",
 * "item"}}: the UPSERT's state or the DELETE's key as the item, attributes in schema order, absent
 * optional ones left out, timestamps as epoch milliseconds and dates as {@code yyyy-MM-dd}, so that
 * {@code io.shardstream.ingest.model.GenericEventReader} reads back the same event (its {@code
 * eventId} is derived from the line, its {@code occurredAt} is the import's).
 */
final class GenericEventLine {
  private GenericEventLine() {}

  static ObjectNode of(ChangeRecord.EntityEvent entity) {
    GenericRecord event = entity.event();
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("entity", entity.entity());
    String op = event.get("op").toString();
    line.put("op", op);
    line.put("version", (Long) event.get("version"));
    String payload = op.equals("UPSERT") ? entity.entity() : entity.entity() + "Key";
    GenericRecord item = (GenericRecord) event.get(payload);
    ObjectNode out = line.putObject("item");
    for (Schema.Field field : item.getSchema().getFields()) {
      Object value = item.get(field.pos());
      if (value != null) {
        put(out, field.name(), nonNull(field.schema()), value);
      }
    }
    return line;
  }

  private static void put(ObjectNode out, String name, Schema schema, Object value) {
    if (schema.getLogicalType() instanceof LogicalTypes.Date) {
      out.put(name, LocalDate.ofEpochDay((Integer) value).toString());
      return;
    }
    switch (schema.getType()) {
      case STRING -> out.put(name, value.toString());
      case LONG -> out.put(name, (Long) value);
      case DOUBLE -> out.put(name, (Double) value);
      case BOOLEAN -> out.put(name, (Boolean) value);
      default ->
          throw new IllegalArgumentException(
              "attribute " + name + " has a type the generic format cannot hold: " + schema);
    }
  }

  private static Schema nonNull(Schema schema) {
    return schema.getType() == Schema.Type.UNION ? schema.getTypes().get(1) : schema;
  }
}
